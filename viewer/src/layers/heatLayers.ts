// The risk heat layer over the `risk-heat` tiles (server/Tiles/TileLayer.cs): grid cells below the
// points zoom, one point per household from it. Pure.
//
// A cell's weight is the sum of its households' risk scores, and every household has a score (the
// demo's mean is about 7), so the sum alone is a map of where people live. The heat shows instead
// how high the mean score is (weight / households): nothing up to 6 (the demo's median cell, so an
// ordinary place stays clear), full weight from 20 (most households of the cell in level I's band,
// from 15, or a good part at II, from 30; docs/risk-model.md). On the demo data 6–20 is the
// middle to the top 1% of ~5 km cells. A point
// (z14+) carries its own score. Colours ramp through the seeds' green, yellow and red.
import type { ExpressionSpecification, HeatmapLayerSpecification, VectorSourceSpecification } from "maplibre-gl";
import type { TileJson } from "../types";
import { LevelColors } from "./palette";

export const HeatSourceId = "risk-heat";
export const HeatLayerId = "risk-heat";

/** Mean scores from which a cell begins to weigh and weighs fully. */
export const HeatScoreFloor = 6;
export const HeatScoreFull = 20;

/** Density stops of the colour ramp: transparent → green → yellow → red → dark red. */
export const HeatStops: ReadonlyArray<readonly [number, string]> = [
  [0, "rgba(46, 158, 79, 0)"],
  [0.15, LevelColors[1]],
  [0.4, LevelColors[2]],
  [0.7, LevelColors[3]],
  [1, "#8a1c12"],
];

/** The mean risk score of a cell (weight / households), or a household point's own score. */
export function heatScore(): ExpressionSpecification {
  return ["case", ["has", "households"], ["/", ["get", "weight"], ["max", ["get", "households"], 1]], ["get", "weight"]];
}

export function heatWeight(): ExpressionSpecification {
  return ["interpolate", ["linear"], heatScore(), HeatScoreFloor, 0, HeatScoreFull, 1];
}

export function heatColor(): ExpressionSpecification {
  return ["interpolate", ["linear"], ["heatmap-density"], ...HeatStops.flat()] as ExpressionSpecification;
}

export function heatSource(tileJson: TileJson, tiles: string[]): VectorSourceSpecification {
  return { type: "vector", tiles, minzoom: tileJson.minzoom, maxzoom: tileJson.maxzoom, ...(tileJson.bounds ? { bounds: tileJson.bounds } : {}) };
}

/** The heatmap: kernels wide enough to join neighbouring cells (16 px apart), narrower per household at street zooms. */
export function heatLayer(): HeatmapLayerSpecification {
  return {
    id: HeatLayerId,
    type: "heatmap",
    source: HeatSourceId,
    "source-layer": HeatSourceId,
    paint: {
      "heatmap-weight": heatWeight(),
      "heatmap-radius": ["interpolate", ["linear"], ["zoom"], 5, 14, 10, 22, 14, 18],
      // A lone cell of full weight peaks red (density ≈ 0.4 × intensity); typical neighbourhoods stay green to yellow.
      "heatmap-intensity": ["interpolate", ["linear"], ["zoom"], 5, 1.6, 14, 2.4],
      "heatmap-color": heatColor(),
      "heatmap-opacity": 0.8,
    },
  };
}
