// The scope's trend as chart series: the history from the API with the live figures appended.
// Pure. The figures hold from one point until the next, so the series end at "now".
import type { HistoryPoint } from "../types";
import type { UnitStats } from "../live/messages";

export interface TrendSeries {
  /** seconds since the epoch */
  x: number[];
  share: number[];
  level2: number[];
  level3: number[];
}

/** Appends the live figures as a point when they are newer than the last one. */
export function appendLive(points: readonly HistoryPoint[], stats: UnitStats): HistoryPoint[] {
  const last = points[points.length - 1];
  if (last && Date.parse(last.validFrom) >= Date.parse(stats.updatedAt)) return [...points];
  return [...points, {
    validFrom: stats.updatedAt, households: stats.households, monitored: stats.monitored,
    level1: stats.level1, level2: stats.level2, level3: stats.level3, shareAtLeastTwo: stats.shareAtLeastII,
    zone: stats.zone, scaleReturn: stats.scaleReturn,
  }];
}

/** Series with a final point at `now` repeating the last figures (they still hold). */
export function trendSeries(points: readonly HistoryPoint[], now: number): TrendSeries {
  const s: TrendSeries = { x: [], share: [], level2: [], level3: [] };
  for (const p of points) {
    s.x.push(Date.parse(p.validFrom) / 1000);
    s.share.push(p.shareAtLeastTwo);
    s.level2.push(p.level2);
    s.level3.push(p.level3);
  }
  const last = points[points.length - 1];
  if (last && now / 1000 > s.x[s.x.length - 1]) {
    s.x.push(now / 1000);
    s.share.push(last.shareAtLeastTwo);
    s.level2.push(last.level2);
    s.level3.push(last.level3);
  }
  return s;
}
