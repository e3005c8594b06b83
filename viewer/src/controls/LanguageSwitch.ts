// 中文 / English. The choice is kept in localStorage; `?lang=` in the address overrides it.
import type { IControl } from "maplibre-gl";
import { LangStorageKey, type I18n } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";

export class LanguageSwitch implements IControl {
  private container: HTMLElement | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly i18n: I18n) {}

  onAdd(): HTMLElement {
    const box = el("div", "maplibregl-ctrl maplibregl-ctrl-group language-switch");
    const button = testId(el("button", "language-button"), TestIds.languageSwitch);
    button.type = "button";
    button.addEventListener("click", () => {
      const next = this.i18n.lang === "zh" ? "en" : "zh";
      try {
        localStorage.setItem(LangStorageKey, next);
      } catch {
        // storage refused (private mode): the switch still works for this page
      }
      const url = new URL(window.location.href);
      if (url.searchParams.has("lang")) {
        url.searchParams.set("lang", next);
        history.replaceState(null, "", url);
      }
      this.i18n.set(next);
    });
    const render = () => {
      button.textContent = this.i18n.t("languageSwitch");
      button.title = this.i18n.t("languageSwitchTitle");
    };
    render();
    this.stopListening = this.i18n.onChange(render);
    box.append(button);
    this.container = box;
    return box;
  }

  onRemove(): void {
    this.stopListening?.();
    this.container?.remove();
    this.container = null;
  }
}
