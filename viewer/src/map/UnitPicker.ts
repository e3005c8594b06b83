// A click on the map picks the finest unit under the pointer (a drilled unit's children count as
// their level) and hands it on; a click on no unit hands on null.
import type { Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import type { UnitLayer } from "../layers/unitLayers";

/** Finest first: at a zoom where villages show, a click means the village. */
const PickOrder: UnitLayer[] = ["villages", "townships", "counties"];

export interface PickedUnit {
  layer: UnitLayer;
  code: string;
  name: string;
}

export class UnitPicker {
  constructor(private readonly map: MapLibreMap, private readonly onPick: (picked: PickedUnit | null) => void) {}

  attach(): void {
    this.map.on("click", (e) => this.pick(e));
    for (const layer of [...PickOrder.map((l) => `${l}-fill`), "drill-fill"]) {
      this.map.on("mouseenter", layer, () => (this.map.getCanvas().style.cursor = "pointer"));
      this.map.on("mouseleave", layer, () => (this.map.getCanvas().style.cursor = ""));
    }
  }

  private pick(e: MapMouseEvent): void {
    const layers = [...PickOrder.map((l) => `${l}-fill`), "drill-fill"].filter((id) => this.map.getLayer(id));
    // Inside a drilled unit its children are finer than it (its own fill steps aside there), so they win.
    const hits = this.map.queryRenderedFeatures(e.point, { layers });
    const hit = PickOrder.map((l) => hits.find((f) => f.source === l)).find((f) => f !== undefined);
    this.onPick(hit ? { layer: hit.source as UnitLayer, code: String(hit.properties.code), name: String(hit.properties.name ?? hit.properties.code) } : null);
  }
}
