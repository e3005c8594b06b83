// Unit names. MapLibre draws symbol text from glyph PBFs, and RiskMap serves no glyphs yet;
// fetching them from the internet is not allowed. So the `labels` tiles load through an
// invisible circle layer (a source only loads tiles for a layer that uses it), and the names
// are drawn as HTML markers (UnitLabels), which the browser renders with the machine's CJK
// fonts: readable Chinese with no glyph server.
import type { CircleLayerSpecification } from "maplibre-gl";

export const LabelProbeLayerId = "labels-probe";

export function labelProbeLayer(): CircleLayerSpecification {
  return {
    id: LabelProbeLayerId,
    type: "circle",
    source: "labels",
    "source-layer": "labels",
    paint: { "circle-radius": 0, "circle-opacity": 0, "circle-stroke-width": 0 },
  };
}

/** Admin levels (3 county, 4 township, 5 village) named at a zoom: the level whose fill shows and those above. */
export function labelLevelsAt(zoom: number): number[] {
  if (zoom < 9) return [3];
  if (zoom < 11) return [3, 4];
  return [4, 5];
}

export interface LabelPoint {
  code: string;
  name: string;
  level: number;
  lng: number;
  lat: number;
}

/**
 * The labels to show: the given levels, one per code (a point repeats in neighbouring tiles'
 * buffers), inside the view, higher levels first, at most `cap` (HTML markers cost DOM nodes).
 */
export function pickLabels(
  points: LabelPoint[],
  levels: number[],
  inView: (p: LabelPoint) => boolean,
  cap: number,
): LabelPoint[] {
  const byCode = new Map<string, LabelPoint>();
  for (const p of points) {
    if (levels.includes(p.level) && !byCode.has(p.code) && inView(p)) byCode.set(p.code, p);
  }
  return [...byCode.values()]
    .sort((a, b) => a.level - b.level || a.code.localeCompare(b.code))
    .slice(0, cap);
}
