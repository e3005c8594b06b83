// The whole map style from the server's TileJSON: a plain background (no basemap from the
// internet), the RiskMap vector sources and the layers, bottom to top. Pure.
import type { StyleSpecification, VectorSourceSpecification } from "maplibre-gl";
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

export function buildStyle(tileJsons: Record<SourceLayer, TileJson>, origin: string, theme: Theme = Themes.light): StyleSpecification {
  const sources = Object.fromEntries(SourceLayers.map((l) => [l, vectorSource(tileJsons[l], origin, l !== "sites")]));
  return {
    version: 8,
    sources,
    layers: [
      { id: "background", type: "background", paint: { "background-color": theme.background } },
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
