// Polygon layers for counties, townships and villages: pure functions returning layer specs.
import type { FillLayerSpecification, LineLayerSpecification, ExpressionSpecification } from "maplibre-gl";
import { Themes, ZoneColors, type Theme } from "./palette";

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

/**
 * A figure as drawn: the live value in feature state (set from a Changes frame's figures, newer than any
 * tile the map holds) when there is one, else the tile's property.
 */
export function liveValue(property: string): ExpressionSpecification {
  return ["coalesce", ["feature-state", property], ["get", property]];
}

/** Fill colour from the zone; opacity rises with the share at level II or above. */
export function zoneFillColor(): ExpressionSpecification {
  return ["match", liveValue("zone"), "red", ZoneColors.red, "yellow", ZoneColors.yellow, ZoneColors.green];
}

export function shareFillOpacity(theme: Theme = Themes.light): ExpressionSpecification {
  const [low, high] = theme.fillOpacity;
  return ["interpolate", ["linear"], ["coalesce", liveValue("share2"), 0], 0, low, 0.5, high];
}

export function unitFillLayer(layer: UnitLayer, theme: Theme = Themes.light): FillLayerSpecification {
  return {
    id: `${layer}-fill`,
    type: "fill",
    source: layer,
    "source-layer": layer,
    minzoom: FillZooms[layer].min,
    maxzoom: FillZooms[layer].max,
    paint: { "fill-color": zoneFillColor(), "fill-opacity": shareFillOpacity(theme) },
  };
}

/** Thin boundaries from the zoom a level's fill appears on; counties' stay above the others. */
export function unitOutlineLayer(layer: UnitLayer, theme: Theme = Themes.light): LineLayerSpecification {
  const width: Record<UnitLayer, number> = { counties: 1.4, townships: 0.8, villages: 0.4 };
  return {
    id: `${layer}-outline`,
    type: "line",
    source: layer,
    "source-layer": layer,
    minzoom: FillZooms[layer].min,
    paint: { "line-color": theme.boundary, "line-width": width[layer], "line-opacity": 0.8 },
  };
}

/** 国家乡村振兴重点帮扶县: a thick outline in a colour no zone uses. */
export function keyCountyOutlineLayer(theme: Theme = Themes.light): LineLayerSpecification {
  return {
    id: "key-counties-outline",
    type: "line",
    source: "counties",
    "source-layer": "counties",
    filter: ["==", ["to-boolean", ["get", "key_county"]], true],
    layout: { "line-join": "round" },
    paint: {
      "line-color": theme.keyCountyOutline,
      "line-width": ["interpolate", ["linear"], ["zoom"], 5, 2.5, 10, 5],
      "line-opacity": 0.9,
    },
  };
}

/** The unit picked for the card, by feature state `selected` (no style rebuild). */
export function selectedOutlineLayer(layer: UnitLayer, theme: Theme = Themes.light): LineLayerSpecification {
  return {
    id: `${layer}-selected`,
    type: "line",
    source: layer,
    "source-layer": layer,
    paint: {
      "line-color": theme.selected,
      "line-width": 3,
      "line-opacity": ["case", ["boolean", ["feature-state", "selected"], false], 1, 0],
    },
  };
}
