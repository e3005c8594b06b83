// The legend: warning levels in the seeds' colours, zones, key assistance counties, sites, alerts.
// `Legend` is the element (the wall puts it in a strip beside the map); `LegendControl` puts it on a map.
import type { IControl } from "maplibre-gl";
import { TestIds } from "../testIds";
import { KeyCountyOutline, LevelColors, ZoneColors } from "../layers/palette";
import { HeatScoreFloor, HeatScoreFull, HeatStops } from "../layers/heatLayers";
import type { I18n } from "../i18n/i18n";
import { el, testId } from "../dom";

export class Legend {
  readonly element = testId(el("div", "legend"), TestIds.legend);
  private readonly stopListening: () => void;
  private heat = false;

  constructor(private readonly i18n: I18n) {
    this.render();
    this.stopListening = i18n.onChange(() => this.render());
  }

  /** The heat layer's entry, while the layer is on. */
  showHeat(on: boolean): void {
    this.heat = on;
    this.render();
  }

  remove(): void {
    this.stopListening();
    this.element.remove();
  }

  private render(): void {
    const { t } = this.i18n;
    this.element.replaceChildren(
      group(t("legendLevels"), swatch(LevelColors[1], t("level1")), swatch(LevelColors[2], t("level2")), swatch(LevelColors[3], t("level3"))),
      group(t("legendZones"), swatch(ZoneColors.red, t("zoneRed")), swatch(ZoneColors.yellow, t("zoneYellow")), swatch(ZoneColors.green, t("zoneGreen"))),
      group(null, outline(KeyCountyOutline, t("keyCounty")), item(el("span", "legend-circle"), t("legendSites")), item(el("span", "legend-alert"), t("legendAlert"))),
    );
    if (this.heat) this.element.append(heatEntry(t("legendHeat"), t("legendHeatScale", { low: HeatScoreFloor, high: HeatScoreFull })));
  }
}

export class LegendControl implements IControl {
  legend: Legend | null = null;

  constructor(private readonly i18n: I18n) {}

  onAdd(): HTMLElement {
    this.legend = new Legend(this.i18n);
    this.legend.element.classList.add("maplibregl-ctrl");
    return this.legend.element;
  }

  onRemove(): void {
    this.legend?.remove();
    this.legend = null;
  }
}

function group(heading: string | null, ...rows: HTMLElement[]): HTMLElement {
  const box = el("div", "legend-group");
  if (heading) box.append(el("div", "legend-heading", heading));
  box.append(...rows);
  return box;
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

/** The heat ramp as a gradient bar with its meaning. */
function heatEntry(heading: string, scale: string): HTMLElement {
  const bar = testId(el("div", "legend-heat-bar"), TestIds.legendHeat);
  bar.style.background = `linear-gradient(to right, ${HeatStops.map(([stop, colour]) => `${colour} ${stop * 100}%`).join(", ")})`;
  return group(heading, bar, el("div", "legend-heat-scale", scale));
}
