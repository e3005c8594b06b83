// Drill-down on the desk: a county (or township) in focus shows its townships (villages) on top
// of the map at zooms where its level alone would still be drawn, and its own fill steps aside so
// colours never stack. Pure: layer specs and filters from the focused unit.
import type { ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from "maplibre-gl";
import type { UnitLevel } from "../types";
import { FillZooms, shareFillOpacity, zoneFillColor, type UnitLayer } from "./unitLayers";
import { Themes, type Theme } from "./palette";

/** The tile layer of each admin level the map draws. */
export const LayerOfLevel: Partial<Record<UnitLevel, UnitLayer>> = { county: "counties", township: "townships", village: "villages" };

/** Digits of the code that name a unit at each level (the rest are zeros). */
const SignificantDigits: Record<UnitLevel, number> = { province: 2, prefecture: 4, county: 6, township: 9, village: 12 };

/** What focusing on a unit draws: its children's layer, and the layer its own fill is in (null above counties). */
export interface DrillTarget {
  code: string;
  level: UnitLevel;
  children: UnitLayer;
  own: UnitLayer | null;
}

/** A prefecture or province shows its counties as the map already does; a village has no children. */
export function drillTarget(code: string, level: UnitLevel): DrillTarget | null {
  if (level === "county") return { code, level, children: "townships", own: "counties" };
  if (level === "township") return { code, level, children: "villages", own: "townships" };
  return null;
}

/** The unit's descendants by code: the code's significant digits as a prefix (昭觉县 513431… → its townships and villages). */
export function descendantsFilter(code: string, level: UnitLevel): ExpressionSpecification {
  const prefix = code.padEnd(12, "0").slice(0, SignificantDigits[level]);
  return ["all", ["==", ["slice", ["to-string", ["get", "code"]], 0, prefix.length], prefix], ["!=", ["to-string", ["get", "code"]], code.padEnd(12, "0")]];
}

/**
 * The fill opacity of the focused unit's own level: the focused unit is left out from the zoom its
 * children can be drawn (so the two never stack), and drawn as usual below it (no hole).
 */
export function ownFillOpacity(code: string, childMinZoom: number, theme: Theme = Themes.light): ExpressionSpecification {
  const usual = shareFillOpacity(theme);
  return ["step", ["zoom"], usual, childMinZoom, ["case", ["==", ["to-string", ["get", "code"]], code.padEnd(12, "0")], 0, usual]];
}

/**
 * The focused unit's children: from their tiles' first zoom up to where their own layer's fill takes
 * over (townships below z9, villages below z11), in the same colours as every fill.
 */
export function drillFillLayer(target: DrillTarget, sourceMinZoom: number, theme: Theme = Themes.light): FillLayerSpecification {
  return {
    id: "drill-fill",
    type: "fill",
    source: target.children,
    "source-layer": target.children,
    minzoom: sourceMinZoom,
    maxzoom: FillZooms[target.children].min,
    filter: descendantsFilter(target.code, target.level),
    paint: { "fill-color": zoneFillColor(), "fill-opacity": shareFillOpacity(theme) },
  };
}

/** The children's boundaries, while the drill fill shows them. */
export function drillOutlineLayer(target: DrillTarget, sourceMinZoom: number, theme: Theme = Themes.light): LineLayerSpecification {
  return {
    id: "drill-outline",
    type: "line",
    source: target.children,
    "source-layer": target.children,
    minzoom: sourceMinZoom,
    maxzoom: FillZooms[target.children].min,
    filter: descendantsFilter(target.code, target.level),
    paint: { "line-color": theme.boundary, "line-width": 0.8, "line-opacity": 0.9 },
  };
}

/**
 * The zoom to show a focused unit at, from the zoom that fits it (`fitted`): a county or township
 * between its children's first tile zoom and the zoom where their own fill takes over (so the drill
 * layer is what shows them, the focused unit's outline in view); a village where villages are filled.
 */
export function focusZoom(level: UnitLevel, fitted: number, childMinZoom: number): number {
  const clamp = (min: number, max: number) => Math.min(Math.max(fitted, min), max);
  if (level === "county") return clamp(childMinZoom + 0.3, FillZooms.townships.min - 0.1);
  if (level === "township") return clamp(childMinZoom + 0.3, FillZooms.villages.min - 0.1);
  if (level === "village") return Math.max(fitted, FillZooms.villages.min + 0.2);
  return fitted;
}
