// Reports the map's state on its container (data-map-state) so browser tests wait on a
// condition, never on a sleep: "loading" until the first render, "busy" while moving or
// loading tiles, "idle" when everything in view is drawn, "error" when the map cannot start.
import type { Map as MapLibreMap } from "maplibre-gl";
import { MapStateAttribute } from "../testIds";

export type MapState = "loading" | "busy" | "idle" | "error";

export class MapReadiness {
  constructor(private readonly container: HTMLElement) {}

  attach(map: MapLibreMap): void {
    map.on("idle", () => this.set("idle"));
    map.on("movestart", () => this.set("busy"));
    map.on("dataloading", () => {
      if (this.state() === "idle") this.set("busy");
    });
  }

  set(state: MapState): void {
    this.container.setAttribute(MapStateAttribute, state);
  }

  private state(): string | null {
    return this.container.getAttribute(MapStateAttribute);
  }
}
