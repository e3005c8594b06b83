// The wall's playlist: the whole scope, then the worst counties, then the worst townships, each
// shown for a while. "Worst": red before yellow before green, then the larger share at level II or
// above, then more households at III. Pure.
import type { Unit, Zone } from "../types";

export type StopKind = "scope" | "county" | "township";

export interface TourStop {
  kind: StopKind;
  code: string;
  name: string;
  bbox: [number, number, number, number];
}

const ZoneRank: Record<Zone, number> = { red: 0, yellow: 1, green: 2 };

/** Worst first; units without households or a place are left out. */
export function worstFirst(units: readonly Unit[]): Unit[] {
  return units
    .filter((u) => u.figures.households > 0 && u.bbox)
    .sort((a, b) =>
      (ZoneRank[a.zone] ?? 2) - (ZoneRank[b.zone] ?? 2)
      || b.figures.shareAtLeastTwo - a.figures.shareAtLeastTwo
      || b.figures.level3 - a.figures.level3
      || a.code.localeCompare(b.code));
}

export function planTour(scope: Unit, counties: readonly Unit[], townships: readonly Unit[], perLevel = 3): TourStop[] {
  const stop = (kind: StopKind, u: Unit): TourStop => ({ kind, code: u.code, name: u.name, bbox: u.bbox! });
  const stops: TourStop[] = scope.bbox ? [stop("scope", scope)] : [];
  for (const c of worstFirst(counties.filter((c) => c.code !== scope.code)).slice(0, perLevel)) stops.push(stop("county", c));
  for (const t of worstFirst(townships.filter((t) => t.code !== scope.code)).slice(0, perLevel)) stops.push(stop("township", t));
  return stops;
}
