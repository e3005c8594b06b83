// 中文 / English. The choice is kept in localStorage; `?lang=` in the address overrides it.
import { LangStorageKey, type I18n } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { TranslatedControl } from "./TranslatedControl";

export class LanguageSwitch extends TranslatedControl {
  constructor(i18n: I18n) {
    super(i18n, "language-switch");
  }

  protected build() {
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
    return { element: button, render };
  }
}
