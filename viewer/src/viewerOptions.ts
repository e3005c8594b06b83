// What the address asks for: ?mode=wall|planner, ?unit=<code>, ?lang=zh|en, ?tour=<seconds>, ?heat=1,
// ?asOf=<time> (the desk in replay at that moment). Pure.

export interface ViewerOptions {
  mode: ViewerMode;
  /** The scope as a 12-digit code, or null for the default (the root unit). */
  unit: string | null;
  lang: string | null;
  /** Seconds per stop of the wall's tour; 0 turns it off. */
  tourSeconds: number;
  /** The desk's heat layer on from the start (a view that can be linked to). */
  heat: boolean;
  /** The desk opens in replay at this moment (ms); null: live. */
  asOf: number | null;
}

export type ViewerMode = "desk" | "wall" | "planner";

export const DefaultTourSeconds = 20;

/** 2, 4, 6, 9 or 12 digits, padded to 12 as the API prints codes; null for anything else. */
export function normaliseUnitCode(value: string | null): string | null {
  if (value === null || !/^\d+$/.test(value) || ![2, 4, 6, 9, 12].includes(value.length)) return null;
  return value.padEnd(12, "0");
}

export function parseViewerOptions(search: string): ViewerOptions {
  const params = new URLSearchParams(search);
  const tour = params.get("tour");
  const seconds = tour === null || tour.trim() === "" ? DefaultTourSeconds : Number(tour);
  return {
    mode: params.get("mode") === "wall" ? "wall" : params.get("mode") === "planner" ? "planner" : "desk",
    unit: normaliseUnitCode(params.get("unit")),
    lang: params.get("lang"),
    // Shorter than 5 s the map cannot settle between stops; an hour is a still screen anyway.
    tourSeconds: !Number.isFinite(seconds) || seconds <= 0 ? 0 : Math.min(Math.max(seconds, 5), 3600),
    heat: ["1", "true", "on"].includes(params.get("heat") ?? ""),
    asOf: parseMoment(params.get("asOf")),
  };
}

/** An ISO 8601 time; without an offset, China time (as the viewer shows every time); null for anything else. */
export function parseMoment(value: string | null): number | null {
  if (value === null || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?([zZ]|[+-]\d{2}:?\d{2})?$/.test(value.trim())) return null;
  const text = value.trim();
  const withTime = text.includes("T") ? text : `${text}T00:00`;
  const at = Date.parse(/([zZ]|[+-]\d{2}:?\d{2})$/.test(withTime) ? withTime : `${withTime}+08:00`);
  return Number.isFinite(at) ? at : null;
}

/** The address with the replayed moment in it (null: live, the parameter gone), so it can be passed on as it is. */
export function asOfUrl(href: string, at: number | null): string {
  const url = new URL(href);
  if (at === null) url.searchParams.delete("asOf");
  else url.searchParams.set("asOf", new Date(at).toISOString());
  return url.toString();
}

/** The same address (scope, language, map view in the hash) in another mode; desk is the default, so it drops `mode`. */
export function modeUrl(href: string, mode: ViewerMode): string {
  const url = new URL(href);
  if (mode === "desk") url.searchParams.delete("mode");
  else url.searchParams.set("mode", mode);
  return url.toString();
}
