// The heat layer's switch (off at first: the zone fills are the desk's map). The first switch on
// fetches the risk-heat TileJSON and adds the source and layer; later ones show or hide the layer.
import type { IControl, Map as MapLibreMap } from "maplibre-gl";
import { fetchTileJson } from "../api";
import { absoluteTileUrls } from "../style";
import { HeatLayerId, HeatSourceId, heatLayer, heatSource } from "../layers/heatLayers";
import type { I18n } from "../i18n/i18n";
import type { Legend } from "./LegendControl";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";

export class HeatToggle implements IControl {
  private map: MapLibreMap | null = null;
  private readonly box = el("div", "maplibregl-ctrl maplibregl-ctrl-group");
  private readonly button = testId(el("button", "heat-button"), TestIds.heatToggle);
  private on = false;
  private stopListening: (() => void) | null = null;

  /** @param initially on from the start (`?heat=1`) */
  constructor(private readonly i18n: I18n, private readonly legend: () => Legend | null, private readonly initially = false) {}

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    this.button.type = "button";
    this.button.addEventListener("click", () => void this.set(!this.on));
    this.box.append(this.button);
    this.stopListening = this.i18n.onChange(() => this.render());
    this.render();
    if (this.initially) {
      const start = () => void this.set(true);
      if (map.isStyleLoaded()) start();
      else map.once("load", start);
    }
    return this.box;
  }

  onRemove(): void {
    this.stopListening?.();
    this.box.remove();
    this.map = null;
  }

  private async set(on: boolean): Promise<void> {
    const map = this.map;
    if (!map) return;
    this.on = on;
    this.render();
    if (on && !map.getSource(HeatSourceId)) {
      const tileJson = await fetchTileJson(HeatSourceId);
      if (!map.getSource(HeatSourceId)) map.addSource(HeatSourceId, heatSource(tileJson, absoluteTileUrls(tileJson.tiles, window.location.origin)));
    }
    // Over the fills, under the boundaries, sites and names.
    if (!map.getLayer(HeatLayerId)) map.addLayer(heatLayer(), "villages-outline");
    map.setLayoutProperty(HeatLayerId, "visibility", this.on ? "visible" : "none");
  }

  private render(): void {
    const { t } = this.i18n;
    this.button.textContent = t("heatLayer");
    this.button.title = t("heatLayerTitle");
    this.button.setAttribute("aria-pressed", String(this.on));
    this.button.classList.toggle("is-on", this.on);
    this.legend()?.showHeat(this.on);
  }
}
