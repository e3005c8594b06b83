// The MapLibre map on RiskMap's own tiles, fitted to the prefecture.
import maplibregl, { type LngLatBoundsLike, type Map as MapLibreMap } from "maplibre-gl";
import { fetchTileJson } from "../api";
import { buildStyle, SourceLayers, type SourceLayer } from "../style";
import type { TileJson } from "../types";

export async function createMap(container: HTMLElement): Promise<MapLibreMap> {
  const entries = await Promise.all(SourceLayers.map(async (l) => [l, await fetchTileJson(l)] as const));
  const tileJsons = Object.fromEntries(entries) as Record<SourceLayer, TileJson>;
  // The counties' TileJSON bounds are the extent of the prefectures and counties loaded.
  const bounds = tileJsons.counties.bounds as LngLatBoundsLike | undefined;
  return new maplibregl.Map({
    container,
    style: buildStyle(tileJsons, window.location.origin),
    bounds,
    fitBoundsOptions: { padding: 40 },
    attributionControl: false,
    // #zoom/lat/lng in the address: a view can be linked to, and a test can open one directly.
    hash: true,
    maxZoom: 16,
  });
}
