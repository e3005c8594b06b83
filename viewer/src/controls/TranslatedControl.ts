// A map control whose one element re-renders its text when the language changes.
import type { IControl } from "maplibre-gl";
import type { I18n } from "../i18n/i18n";
import { el } from "../dom";

export abstract class TranslatedControl implements IControl {
  private container: HTMLElement | null = null;
  private stopListening: (() => void) | null = null;

  protected constructor(protected readonly i18n: I18n, private readonly className: string) {}

  /** The control's element, and how to write its text in the current language. */
  protected abstract build(): { element: HTMLElement; render: () => void };

  onAdd(): HTMLElement {
    const box = el("div", `maplibregl-ctrl maplibregl-ctrl-group ${this.className}`);
    const { element, render } = this.build();
    render();
    this.stopListening = this.i18n.onChange(render);
    box.append(element);
    this.container = box;
    return box;
  }

  onRemove(): void {
    this.stopListening?.();
    this.container?.remove();
    this.container = null;
  }
}
