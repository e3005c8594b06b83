// The MapLibre map on RiskMap's own tiles, fitted to the screen's scope.
import maplibregl, { type LngLatBoundsLike, type Map as MapLibreMap, type PaddingOptions } from "maplibre-gl";
import { fetchBasemap, fetchTileJson } from "../api";
import { authorizeRequest } from "../auth";
import { buildStyle, SourceLayers, type SourceLayer } from "../style";
import type { Theme } from "../layers/palette";
import type { TileJson } from "../types";
import type { SourceZooms } from "./tileCover";

export interface RiskMap {
  map: MapLibreMap;
  /** Each vector source's zoom range, for working out which tiles a change makes stale. */
  sources: SourceZooms[];
  /** Whose basemap is drawn under the risk layers (null: none, or not said). */
  basemapAttribution: string | null;
}

export interface MapOptions {
  theme: Theme;
  /** The scope's extent, to fit the first view to. */
  scopeBounds: [number, number, number, number] | null;
  /** Room kept free around the scope when fitting (controls over the map). */
  padding: PaddingOptions;
  /** A wall is watched, not touched, and its view is the tour's, not the address's. */
  interactive: boolean;
}

export async function createMap(container: HTMLElement, { theme, scopeBounds, padding, interactive }: MapOptions): Promise<RiskMap> {
  const [entries, basemap] = await Promise.all([
    Promise.all(SourceLayers.map(async (l) => [l, await fetchTileJson(l)] as const)),
    fetchBasemap(),
  ]);
  const tileJsons = Object.fromEntries(entries) as Record<SourceLayer, TileJson>;
  // The scope's extent, else the counties' TileJSON bounds (the extent of the units loaded).
  const bounds = (scopeBounds ?? tileJsons.counties.bounds) as LngLatBoundsLike | undefined;
  const map = new maplibregl.Map({
    container,
    style: buildStyle(tileJsons, window.location.origin, theme, basemap),
    bounds,
    fitBoundsOptions: { padding },
    attributionControl: false,
    transformRequest: authorizeRequest,
    // #zoom/lat/lng in the address: a view can be linked to, and a test can open one directly.
    hash: interactive,
    interactive,
    maxZoom: 16,
  });
  const sources = SourceLayers.map((id) => ({ id, minzoom: tileJsons[id].minzoom, maxzoom: tileJsons[id].maxzoom }));
  return { map, sources, basemapAttribution: basemap?.attribution ?? null };
}
