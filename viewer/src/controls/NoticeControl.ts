// Always visible: the boundaries are schematic (示意图, domain.md) and the data sources' attribution.
import type { IControl } from "maplibre-gl";
import { TestIds } from "../testIds";
import type { I18n } from "../i18n/i18n";
import { el, testId } from "../dom";

/** A licence notice: kept in its original English in both languages. */
export const DataAttribution =
  "Contains data from GeoNames (geonames.org) and the SimpleMaps World Cities Database, CC BY 4.0";

export class NoticeControl implements IControl {
  private container: HTMLElement | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly i18n: I18n) {}

  onAdd(): HTMLElement {
    const box = el("div", "maplibregl-ctrl notice");
    const schematic = testId(el("div", "notice-schematic"), TestIds.schematicNotice);
    const attribution = testId(el("div", "notice-attribution", DataAttribution), TestIds.attribution);
    box.append(schematic, attribution);
    const render = () => (schematic.textContent = this.i18n.t("schematicNotice"));
    render();
    this.stopListening = this.i18n.onChange(render);
    this.container = box;
    return box;
  }

  onRemove(): void {
    this.stopListening?.();
    this.container?.remove();
    this.container = null;
  }
}
