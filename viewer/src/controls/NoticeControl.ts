// Always visible: the boundaries are schematic (示意图, domain.md) and the data sources' attribution.
import type { IControl } from "maplibre-gl";
import { TestIds } from "../testIds";

export const SchematicNotice = "示意图 (schematic): 边界仅为示意, 不作为权属依据";
export const DataAttribution =
  "Contains data from GeoNames (geonames.org) and the SimpleMaps World Cities Database, CC BY 4.0";

export class NoticeControl implements IControl {
  private container: HTMLElement | null = null;

  onAdd(): HTMLElement {
    const box = document.createElement("div");
    box.className = "maplibregl-ctrl notice";
    const schematic = document.createElement("div");
    schematic.className = "notice-schematic";
    schematic.dataset.testid = TestIds.schematicNotice;
    schematic.textContent = SchematicNotice;
    const attribution = document.createElement("div");
    attribution.className = "notice-attribution";
    attribution.dataset.testid = TestIds.attribution;
    attribution.textContent = DataAttribution;
    box.append(schematic, attribution);
    this.container = box;
    return box;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}
