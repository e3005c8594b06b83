// Colours fixed by the seeds (domain.md): warning level I green, II yellow, III red; zones
// 绿灯区 / 黄灯区 / 红灯区 use the same hues. Key assistance counties get a colour no zone uses.
import type { Zone } from "../types";

export const LevelColors = { 1: "#2e9e4f", 2: "#f2c200", 3: "#d7301f" } as const;

export const ZoneColors: Record<Zone, string> = {
  green: LevelColors[1],
  yellow: LevelColors[2],
  red: LevelColors[3],
};

export const KeyCountyOutline = "#7b2cbf";

/** The map's neutral colours: light on a desk, dark on a command-room wall (fills keep the seeds' hues). */
export interface Theme {
  background: string;
  boundary: string;
  keyCountyOutline: string;
  selected: string;
  /** Fill opacity at no share at level II or above, and from one half. */
  fillOpacity: readonly [number, number];
}

export const Themes: Record<"light" | "dark", Theme> = {
  light: { background: "#eef1f4", boundary: "#4a5560", keyCountyOutline: KeyCountyOutline, selected: "#111111", fillOpacity: [0.45, 0.85] },
  // On a dark wall, low-opacity fills turn muddy: stronger fills, light borders, a brighter purple.
  dark: { background: "#0a1220", boundary: "#9fb3c8", keyCountyOutline: "#c77dff", selected: "#ffffff", fillOpacity: [0.7, 0.95] },
};

/** The zone's colour; anything unknown is drawn as green, as the tiles do for units without figures. */
export function zoneColor(zone: string): string {
  return (ZoneColors as Record<string, string>)[zone] ?? ZoneColors.green;
}

/**
 * Stops of the share ≥ II colour ramp: green at 0, yellow at the township scale threshold
 * (1/3), red at the village scale threshold (1/2) and above (seed 000 §三.2).
 */
export const ShareStops: ReadonlyArray<readonly [number, string]> = [
  [0, LevelColors[1]],
  [1 / 3, LevelColors[2]],
  [1 / 2, LevelColors[3]],
];

/** The ramp's colour for a share (0–1), linearly interpolated in RGB; out-of-range shares clamp. */
export function shareColor(share: number): string {
  const s = Number.isFinite(share) ? Math.min(Math.max(share, 0), 1) : 0;
  for (let i = 1; i < ShareStops.length; i++) {
    const [s1, c1] = ShareStops[i];
    if (s <= s1) {
      const [s0, c0] = ShareStops[i - 1];
      return mixHex(c0, c1, (s - s0) / (s1 - s0));
    }
  }
  return ShareStops[ShareStops.length - 1][1];
}

/** The same ramp as a MapLibre expression over a numeric property. */
/** Colour by a share property of the features; `live`: a feature state of the same name comes first (live figures, replay). */
export function shareColorExpression(property: string, live = false): unknown[] {
  const value = live ? ["coalesce", ["feature-state", property], ["get", property], 0] : ["coalesce", ["get", property], 0];
  return ["interpolate", ["linear"], value, ...ShareStops.flat()];
}

function mixHex(a: string, b: string, t: number): string {
  const pa = parseHex(a);
  const pb = parseHex(b);
  const mixed = pa.map((v, i) => Math.round(v + (pb[i] - v) * t));
  return "#" + mixed.map((v) => v.toString(16).padStart(2, "0")).join("");
}

function parseHex(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
