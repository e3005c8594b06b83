// The unit a screen watches: ?unit=, else the root unit, descending while a province holds a single
// prefecture (the demo loads 凉山州 only: its screen is the prefecture's, not a near-empty province's).
import { fetchChildren, fetchUnit } from "./api";
import type { Unit } from "./types";

/** The root to start from: the one with the most households (ties: lowest code). */
export function chooseRoot(roots: readonly Unit[]): Unit | null {
  return [...roots].sort((a, b) => b.figures.households - a.figures.households || a.code.localeCompare(b.code))[0] ?? null;
}

/** Whether the default scope goes down from `unit` to its only child. */
export function descendsToOnlyChild(unit: Unit): boolean {
  return unit.level === "province" && unit.childCodes.length === 1;
}

export async function resolveScope(requested: string | null): Promise<Unit> {
  if (requested !== null) return fetchUnit(requested);
  const root = chooseRoot(await fetchChildren(null));
  if (!root) throw new Error("no administrative units loaded");
  let unit = await fetchUnit(root.code);
  while (descendsToOnlyChild(unit)) unit = await fetchUnit(unit.childCodes[0]);
  return unit;
}
