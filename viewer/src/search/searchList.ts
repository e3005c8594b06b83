// The search box's pure parts: what a key does to the highlighted result, how a result's place reads.
import type { UnitSearchHit } from "../types";

/** The highlighted result after a key: arrows move and wrap (-1: none highlighted yet). */
export function moveHighlight(current: number, key: "ArrowDown" | "ArrowUp", count: number): number {
  if (count === 0) return -1;
  if (key === "ArrowDown") return current < 0 || current >= count - 1 ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}

/** The result Enter chooses: the highlighted one, else the first (the best match). */
export function chosenIndex(highlighted: number, count: number): number | null {
  if (count === 0) return null;
  return highlighted >= 0 && highlighted < count ? highlighted : 0;
}

/**
 * Where a result lies, its last `steps` ancestors (昭觉县 › 竹核乡): enough to tell two 新村 apart
 * without the province and prefecture every result shares.
 */
export function placePath(hit: UnitSearchHit, steps = 3): string {
  return hit.path.slice(-steps).map((p) => p.name).join(" › ");
}

/** Text worth asking the server about: trimmed, at least one character, at most 50 (the API's limit). */
export function searchText(input: string): string | null {
  const text = input.trim();
  return text.length === 0 ? null : text.slice(0, 50);
}
