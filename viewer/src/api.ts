// The one module that talks to the server (style.md). Relative paths: the viewer is served by
// the same server, on whatever host and port it runs.
import type { HistoryPoint, TileJson, Unit } from "./types";
import { authHeaders, signInRequired } from "./auth";

export class ApiError extends Error {
  constructor(readonly url: string, readonly status: number, detail: string) {
    super(`${url}: ${status} ${detail}`);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json", ...authHeaders() }, signal });
  if (response.status === 401) signInRequired();
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = (await response.json()) as { title?: string; detail?: string };
      detail = [problem.title, problem.detail].filter(Boolean).join(": ") || detail;
    } catch {
      // not a problem document: keep the status text
    }
    throw new ApiError(url, response.status, detail);
  }
  return (await response.json()) as T;
}

export const fetchTileJson = (layer: string): Promise<TileJson> =>
  getJson<TileJson>(`tiles/${encodeURIComponent(layer)}.json`);

export const fetchUnit = (code: string, signal?: AbortSignal): Promise<Unit> =>
  getJson<Unit>(`api/units/${encodeURIComponent(code)}`, signal);

/** The children of a unit, each with its figures; without a parent, the root units (provinces). */
export const fetchChildren = (parent: string | null, signal?: AbortSignal): Promise<Unit[]> =>
  getJson<Unit[]>(parent === null ? "api/units" : `api/units?parent=${encodeURIComponent(parent)}`, signal);

/** The unit's figures over time, oldest first (the server's default period: 30 days). */
export const fetchHistory = (code: string, signal?: AbortSignal): Promise<HistoryPoint[]> =>
  getJson<HistoryPoint[]>(`api/units/${encodeURIComponent(code)}/history`, signal);
