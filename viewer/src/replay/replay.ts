// Replay "as of" a moment: the figures every unit and resettlement site had then (GET
// /api/units/{code}/as-of) as the feature state the polygon and site layers draw, and the moments
// the scope's figures changed as stops to step through. Pure.
import type { HistoryPoint, UnitLevel } from "../types";
import { unitTarget, type FeatureTarget } from "../layers/liveFeatures";

/** One unit of GET /api/units/{code}/as-of: its last history point at the moment asked for; null when it had none. */
export interface UnitAsOf {
  code: string;
  level: UnitLevel;
  figures: HistoryPoint | null;
}

/** One resettlement site of the answer: its last history point at the moment asked for; null when it had none. */
export interface SiteAsOf {
  siteId: string;
  figures: HistoryPoint | null;
}

export interface UnitsAsOf {
  at: string;
  units: UnitAsOf[];
  sites: SiteAsOf[];
}

/** The moment a replay shows and every unit's figures then, by code: what the unit card draws while replaying. */
export interface ReplayMoment {
  at: number;
  units: ReadonlyMap<string, UnitAsOf>;
}

export function replayMoment(at: number, answer: readonly UnitAsOf[]): ReplayMoment {
  return { at, units: new Map(answer.map((u) => [u.code, u])) };
}

export type ReplayState = Record<"zone" | "share2" | "scale_return" | "households" | "level1" | "level2" | "level3", string | number | boolean>;

/** What a unit without figures at that moment draws: no households, as the tiles draw one (green, faint). */
export const NoFigures: ReplayState = { zone: "green", share2: 0, scale_return: false, households: 0, level1: 0, level2: 0, level3: 0 };

/** The keys replay sets: the ones live figures set that history keeps (not the work gaps). */
export const ReplayKeys = Object.keys(NoFigures);

/** The state of every county, township and village polygon of the answer, as it was (without figures: as the tiles draw such a unit). */
export function replayStates(answer: readonly UnitAsOf[]): Map<string, { target: FeatureTarget; state: ReplayState }> {
  const states = new Map<string, { target: FeatureTarget; state: ReplayState }>();
  for (const { code, level, figures: f } of answer) {
    const target = unitTarget(level, code);
    if (!target) continue;
    states.set(`${target.source}/${target.id}`, {
      target,
      state: f === null ? NoFigures : {
        zone: f.zone, share2: f.shareAtLeastTwo ?? 0, scale_return: f.scaleReturn, households: f.households ?? 0,
        level1: f.level1 ?? 0, level2: f.level2 ?? 0, level3: f.level3 ?? 0,
      },
    });
  }
  return states;
}

/**
 * The colour of every site of the answer as it was: its share at level II or above then, as the
 * sites layer reads it (feature state over the tile's value); its size stays the register's
 * relocated households, which history does not change. A site without figures then draws as none at risk.
 */
export function replaySiteStates(sites: readonly SiteAsOf[]): Map<string, { target: { source: "sites"; id: number }; state: Pick<ReplayState, "zone" | "share2"> }> {
  const states = new Map<string, { target: { source: "sites"; id: number }; state: Pick<ReplayState, "zone" | "share2"> }>();
  for (const { siteId, figures: f } of sites) {
    const id = Number(siteId);
    if (!Number.isSafeInteger(id)) continue;
    states.set(`sites/${id}`, { target: { source: "sites", id }, state: { zone: f?.zone ?? "green", share2: f?.shareAtLeastTwo ?? 0 } });
  }
  return states;
}

/**
 * A history time as a JavaScript moment (ms) at or after it: the server's times carry microseconds,
 * and a moment cut down to the millisecond would come before the change and show the figures before it.
 */
export function stopTime(validFrom: string): number {
  const ms = Date.parse(validFrom);
  const fraction = /\.(\d+)/.exec(validFrom)?.[1] ?? "";
  return /[1-9]/.test(fraction.slice(3)) ? ms + 1 : ms;
}

/** The moments (ms) the scope's figures changed, oldest first, without repeats. */
export function replayStops(points: readonly HistoryPoint[]): number[] {
  return [...new Set(points.map((p) => stopTime(p.validFrom)))].filter(Number.isFinite).sort((a, b) => a - b);
}

/** The stop whose figures held at `at`: the last at or before it (-1: before the first). */
function shownStop(stops: readonly number[], at: number): number {
  let i = -1;
  while (i + 1 < stops.length && stops[i + 1] <= at) i++;
  return i;
}

/** One change back from what `at` shows (the scope's figures before their last change by then); null when there is none. */
export function previousStop(stops: readonly number[], at: number): number | null {
  const i = shownStop(stops, at);
  return i >= 1 ? stops[i - 1] : null;
}

/** The next change after `at`; null when the figures shown are the latest (replay may end: back to live). */
export function nextStop(stops: readonly number[], at: number): number | null {
  const i = shownStop(stops, at);
  return i + 1 < stops.length ? stops[i + 1] : null;
}
