// Drawn shapes → the region API's request body. Pure, so it is tested without a map.
import type { Position, RegionBody, RuleMetric, WatchRegionRequest } from "./regionTypes";

/** Six decimals of a degree are ~0.1 m: finer than any drawing, and a shorter body. */
const Decimals = 6;

const round = (v: number): number => Number(v.toFixed(Decimals));

/**
 * The polygon the API is sent for an outline: coordinates rounded, repeated neighbours dropped
 * (a double click leaves two equal vertices) and the ring closed. Null when fewer than three
 * distinct corners remain (nothing to query).
 */
export function regionBody(ring: readonly Position[]): RegionBody | null {
  const points: Position[] = [];
  for (const [lon, lat] of ring) {
    const p: Position = [round(lon), round(lat)];
    const last = points[points.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
  if (points.length < 3) return null;
  return { type: "Polygon", coordinates: [[...points, [points[0][0], points[0][1]]]] };
}

/** What the save form holds, as typed: thresholds of a share in percent, of a count in households. */
export interface WatchForm {
  name: string;
  metric: RuleMetric | "";
  raise: string;
  clear: string;
  minimumHouseholds: string;
}

/** The save request, or the key of the message saying what is missing (checked before asking the server). */
export function watchRegionRequest(form: WatchForm, geometry: RegionBody):
  { request: WatchRegionRequest } | { fault: "saveNameMissing" | "saveRuleIncomplete" } {
  const name = form.name.trim();
  if (!name) return { fault: "saveNameMissing" };
  if (!form.metric) return { request: { name, geometry, rules: [] } };
  const raise = Number(form.raise);
  const clear = Number(form.clear);
  if (form.raise.trim() === "" || form.clear.trim() === "" || !Number.isFinite(raise) || !Number.isFinite(clear)) {
    return { fault: "saveRuleIncomplete" };
  }
  // Shares are typed as percentages (what the panel shows) and sent as fractions.
  const scale = form.metric === "householdsAtThree" ? 1 : 0.01;
  const minimum = form.minimumHouseholds.trim();
  return {
    request: {
      name, geometry,
      rules: [{
        metric: form.metric, raiseThreshold: round(raise * scale), clearThreshold: round(clear * scale),
        ...(minimum === "" ? {} : { minimumHouseholds: Number(minimum) }),
      }],
    },
  };
}
