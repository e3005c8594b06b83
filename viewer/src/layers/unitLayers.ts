// Polygon layers for counties, townships and villages: pure functions returning layer specs.
import type { FillLayerSpecification, LineLayerSpecification, ExpressionSpecification } from "maplibre-gl";
import { Boundary, KeyCountyOutline, ZoneColors } from "./palette";

export type UnitLayer = "counties" | "townships" | "villages";

/**
 * Zooms at which each level's fill is the one shown: one level at a time, so colours never
 * stack. Each starts where its tiles begin to hold enough detail (townships z8+, villages z10+).
 */
export const FillZooms: Record<UnitLayer, { min: number; max: number }> = {
  counties: { min: 0, max: 9 },
  townships: { min: 9, max: 11 },
  villages: { min: 11, max: 24 },
};

/** Fill colour from the zone; opacity rises with the share at level II or above. */
export function zoneFillColor(): ExpressionSpecification {
  return ["match", ["get", "zone"], "red", ZoneColors.red, "yellow", ZoneColors.yellow, ZoneColors.green];
}

export function shareFillOpacity(): ExpressionSpecification {
  return ["interpolate", ["linear"], ["coalesce", ["get", "share2"], 0], 0, 0.45, 0.5, 0.85];
}

export function unitFillLayer(layer: UnitLayer): FillLayerSpecification {
  return {
    id: `${layer}-fill`,
    type: "fill",
    source: layer,
    "source-layer": layer,
    minzoom: FillZooms[layer].min,
    maxzoom: FillZooms[layer].max,
    paint: { "fill-color": zoneFillColor(), "fill-opacity": shareFillOpacity() },
  };
}

/** Thin boundaries from the zoom a level's fill appears on; counties' stay above the others. */
export function unitOutlineLayer(layer: UnitLayer): LineLayerSpecification {
  const width: Record<UnitLayer, number> = { counties: 1.4, townships: 0.8, villages: 0.4 };
  return {
    id: `${layer}-outline`,
    type: "line",
    source: layer,
    "source-layer": layer,
    minzoom: FillZooms[layer].min,
    paint: { "line-color": Boundary, "line-width": width[layer], "line-opacity": 0.8 },
  };
}

/** 国家乡村振兴重点帮扶县: a thick outline in a colour no zone uses. */
export function keyCountyOutlineLayer(): LineLayerSpecification {
  return {
    id: "key-counties-outline",
    type: "line",
    source: "counties",
    "source-layer": "counties",
    filter: ["==", ["to-boolean", ["get", "key_county"]], true],
    layout: { "line-join": "round" },
    paint: {
      "line-color": KeyCountyOutline,
      "line-width": ["interpolate", ["linear"], ["zoom"], 5, 2.5, 10, 5],
      "line-opacity": 0.9,
    },
  };
}

/** The unit picked for the card, by feature state `selected` (no style rebuild). */
export function selectedOutlineLayer(layer: UnitLayer): LineLayerSpecification {
  return {
    id: `${layer}-selected`,
    type: "line",
    source: layer,
    "source-layer": layer,
    paint: {
      "line-color": "#111111",
      "line-width": 3,
      "line-opacity": ["case", ["boolean", ["feature-state", "selected"], false], 1, 0],
    },
  };
}
