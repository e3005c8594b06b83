// A click on the map picks the finest unit under the pointer, marks it with feature state
// `selected`, and shows its card with figures from the API.
import type { Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { fetchUnit } from "../api";
import type { UnitCard } from "../card/UnitCard";
import type { UnitLayer } from "../layers/unitLayers";

/** Finest first: at a zoom where villages show, a click means the village. */
const PickOrder: UnitLayer[] = ["villages", "townships", "counties"];

export class UnitPicker {
  private selected: { source: UnitLayer; code: string } | null = null;
  private request: AbortController | null = null;

  constructor(private readonly map: MapLibreMap, private readonly card: UnitCard) {
    card.onClosed(() => this.select(null));
  }

  attach(): void {
    this.map.on("click", (e) => void this.pick(e));
    for (const layer of PickOrder) {
      this.map.on("mouseenter", `${layer}-fill`, () => (this.map.getCanvas().style.cursor = "pointer"));
      this.map.on("mouseleave", `${layer}-fill`, () => (this.map.getCanvas().style.cursor = ""));
    }
  }

  private async pick(e: MapMouseEvent): Promise<void> {
    const layers = PickOrder.map((l) => `${l}-fill`).filter((id) => this.map.getLayer(id));
    const hits = this.map.queryRenderedFeatures(e.point, { layers });
    const hit = PickOrder.map((l) => hits.find((f) => f.source === l)).find((f) => f !== undefined);
    this.request?.abort();
    if (!hit) {
      this.select(null);
      this.card.hide();
      return;
    }
    const code = String(hit.properties.code);
    this.select({ source: hit.source as UnitLayer, code });
    this.card.showLoading(String(hit.properties.name ?? code));
    const request = new AbortController();
    this.request = request;
    try {
      this.card.show(await fetchUnit(code, request.signal));
    } catch (err) {
      if (!request.signal.aborted) this.card.showError(err instanceof Error ? err.message : String(err));
    }
  }

  private select(next: { source: UnitLayer; code: string } | null): void {
    if (this.selected) {
      this.map.setFeatureState({ source: this.selected.source, sourceLayer: this.selected.source, id: this.selected.code }, { selected: false });
    }
    this.selected = next;
    if (next) this.map.setFeatureState({ source: next.source, sourceLayer: next.source, id: next.code }, { selected: true });
  }
}
