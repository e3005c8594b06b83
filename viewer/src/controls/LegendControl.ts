// The legend: warning levels in the seeds' colours, zones, key assistance counties, sites, alerts.
import type { IControl } from "maplibre-gl";
import { TestIds } from "../testIds";
import { KeyCountyOutline, LevelColors, ZoneColors } from "../layers/palette";
import type { I18n } from "../i18n/i18n";
import { el, testId } from "../dom";

export class LegendControl implements IControl {
  private container: HTMLElement | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly i18n: I18n) {}

  onAdd(): HTMLElement {
    this.container = testId(el("div", "maplibregl-ctrl legend"), TestIds.legend);
    this.render();
    this.stopListening = this.i18n.onChange(() => this.render());
    return this.container;
  }

  onRemove(): void {
    this.stopListening?.();
    this.container?.remove();
    this.container = null;
  }

  private render(): void {
    const { t } = this.i18n;
    this.container?.replaceChildren(
      el("div", "legend-heading", t("legendLevels")),
      swatch(LevelColors[1], t("level1")),
      swatch(LevelColors[2], t("level2")),
      swatch(LevelColors[3], t("level3")),
      el("div", "legend-heading", t("legendZones")),
      swatch(ZoneColors.red, t("zoneRed")),
      swatch(ZoneColors.yellow, t("zoneYellow")),
      swatch(ZoneColors.green, t("zoneGreen")),
      outline(KeyCountyOutline, t("keyCounty")),
      item(el("span", "legend-circle"), t("legendSites")),
      item(el("span", "legend-alert"), t("legendAlert")),
    );
  }
}

function item(mark: HTMLElement, text: string): HTMLElement {
  const row = el("div", "legend-row");
  row.append(mark, el("span", "", text));
  return row;
}

function swatch(color: string, text: string): HTMLElement {
  const mark = el("span", "legend-swatch");
  mark.style.background = color;
  return item(mark, text);
}

function outline(color: string, text: string): HTMLElement {
  const mark = el("span", "legend-swatch legend-outline");
  mark.style.borderColor = color;
  return item(mark, text);
}
