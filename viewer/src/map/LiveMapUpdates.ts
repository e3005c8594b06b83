// Applies the live store to the map without reloading what it need not: figures recolour polygons
// through feature state (no tile request, no flicker); TilesInvalidated refetches only the tiles of
// the layers that draw figures feature state does not carry (sites), over the changed boxes
// (MapLibre keeps drawing a tile while it reloads). A replay holds the recolouring while it draws the past.
import type { Map as MapLibreMap } from "maplibre-gl";
import type { LiveStore } from "../live/LiveStore";
import type { UnitStats } from "../live/messages";
import { featureState, featureTarget, NoRefetchLayers } from "../layers/liveFeatures";
import { tilesToRefresh, type SourceZooms } from "./tileCover";

export class LiveMapUpdates {
  /** Features given live state, so a reset can hand them back to their tiles. */
  private readonly touched = new Map<string, { source: string; id: string; keys: string[] }>();
  private readonly unsubscribe: (() => void)[] = [];
  private held = false;
  private resetWhileHeld = false;

  constructor(private readonly map: MapLibreMap, private readonly store: LiveStore, private readonly sources: readonly SourceZooms[]) {}

  attach(): void {
    // Figures that arrived before the map existed.
    for (const s of this.store.allFigures()) this.recolour(s);
    this.unsubscribe.push(
      this.store.on("stats", (s) => this.recolour(s)),
      this.store.on("tiles", (m) => this.refresh(tilesToRefresh(m.areas, this.sources, this.map.getZoom(), NoRefetchLayers))),
      this.store.on("reset", () => this.reset()),
    );
  }

  detach(): void {
    for (const u of this.unsubscribe.splice(0)) u();
  }

  /** Stops drawing live figures (the store still keeps them): a replay draws the past meanwhile. */
  hold(): void {
    this.held = true;
  }

  /** Draws the live figures again, every one the store holds (call once the replay's own state is gone). */
  release(): void {
    this.held = false;
    if (this.resetWhileHeld) {
      this.resetWhileHeld = false;
      this.reset();
    }
    for (const s of this.store.allFigures()) this.recolour(s);
  }

  private recolour(stats: UnitStats): void {
    if (this.held) return;
    const target = featureTarget(stats);
    if (!target || !this.map.getSource(target.source)) return;
    const state = featureState(stats);
    this.map.setFeatureState({ source: target.source, sourceLayer: target.source, id: target.id }, state);
    this.touched.set(`${target.source}/${target.id}`, { ...target, keys: Object.keys(state) });
  }

  private refresh(tiles: Map<string, { z: number; x: number; y: number }[]>): void {
    for (const [source, ids] of tiles) if (this.map.getSource(source)) this.map.refreshTiles(source, ids);
  }

  /**
   * A reset snapshot means changes were missed (log pruned, or another database): live state may be
   * stale, so give every feature back to fresh tiles. The first snapshot touched nothing and reloads nothing.
   */
  private reset(): void {
    if (this.held) {
      // The replay's state is on the same features: hand them back to their tiles after it.
      this.resetWhileHeld = true;
      return;
    }
    if (this.touched.size === 0) return;
    const sources = new Set<string>();
    for (const { source, id, keys } of this.touched.values()) {
      // Key by key: other state (the card's `selected`) stays.
      for (const key of keys) this.map.removeFeatureState({ source, sourceLayer: source, id }, key);
      sources.add(source);
    }
    this.touched.clear();
    for (const s of sources) this.map.refreshTiles(s);
  }
}
