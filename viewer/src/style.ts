// The whole map style from the server's TileJSON: a plain background (no basemap from the
// internet), the RiskMap vector sources and the layers, bottom to top. Pure.
import type { RasterLayerSpecification, RasterSourceSpecification, SourceSpecification, StyleSpecification, VectorSourceSpecification } from "maplibre-gl";
import type { TileJson } from "./types";
import { Themes, type Theme } from "./layers/palette";
import { keyCountyOutlineLayer, selectedOutlineLayer, unitFillLayer, unitOutlineLayer } from "./layers/unitLayers";
import { siteCircleLayer } from "./layers/siteLayers";
import { labelProbeLayer } from "./layers/labelLayers";

export const SourceLayers = ["counties", "townships", "villages", "sites", "labels"] as const;
export type SourceLayer = (typeof SourceLayers)[number];

/** Tile URL templates made absolute: map workers run from a blob URL and cannot resolve "/tiles/…". */
export function absoluteTileUrls(tiles: string[], origin: string): string[] {
  return tiles.map((t) => (/^[a-z]+:\/\//i.test(t) ? t : origin.replace(/\/$/, "") + (t.startsWith("/") ? t : `/${t}`)));
}

/** Units promote their `code` to the feature id so feature state is keyed by unit code. */
export function vectorSource(tileJson: TileJson, origin: string, promoteCode: boolean): VectorSourceSpecification {
  return {
    type: "vector",
    tiles: absoluteTileUrls(tileJson.tiles, origin),
    minzoom: tileJson.minzoom,
    maxzoom: tileJson.maxzoom,
    ...(tileJson.bounds ? { bounds: tileJson.bounds } : {}),
    ...(promoteCode ? { promoteId: "code" } : {}),
  };
}

export const BasemapLayerId = "basemap";

/** A deployment's own raster basemap (Basemap:Directory on the server), drawn under everything RiskMap draws. */
export function basemapSource(tileJson: TileJson, origin: string): RasterSourceSpecification {
  return {
    type: "raster",
    tiles: absoluteTileUrls(tileJson.tiles, origin),
    tileSize: 256,
    minzoom: tileJson.minzoom,
    maxzoom: tileJson.maxzoom,
    ...(tileJson.attribution ? { attribution: tileJson.attribution } : {}),
  };
}

function basemapLayers(basemap: TileJson | null): RasterLayerSpecification[] {
  return basemap ? [{ id: BasemapLayerId, type: "raster", source: BasemapLayerId, paint: { "raster-opacity": 0.85 } }] : [];
}

export function buildStyle(
  tileJsons: Record<SourceLayer, TileJson>, origin: string, theme: Theme = Themes.light, basemap: TileJson | null = null,
): StyleSpecification {
  const sources: Record<string, SourceSpecification> = Object.fromEntries(SourceLayers.map((l) => [l, vectorSource(tileJsons[l], origin, l !== "sites")]));
  if (basemap) sources[BasemapLayerId] = basemapSource(basemap, origin);
  return {
    version: 8,
    sources,
    layers: [
      { id: "background", type: "background", paint: { "background-color": theme.background } },
      ...basemapLayers(basemap),
      unitFillLayer("counties", theme),
      unitFillLayer("townships", theme),
      unitFillLayer("villages", theme),
      unitOutlineLayer("villages", theme),
      unitOutlineLayer("townships", theme),
      unitOutlineLayer("counties", theme),
      keyCountyOutlineLayer(theme),
      selectedOutlineLayer("villages", theme),
      selectedOutlineLayer("townships", theme),
      selectedOutlineLayer("counties", theme),
      siteCircleLayer(),
      labelProbeLayer(),
    ],
  };
}
