// The one module that talks to the server (style.md). Relative paths: the viewer is served by
// the same server, on whatever host and port it runs.
import type { HistoryPoint, TileJson, Unit, UnitSearchHit } from "./types";
import type { RegionBody, RegionFigures, RegionHouseholds, SavedRegion, WatchRegionRequest } from "./planner/regionTypes";
import type { UnitsAsOf } from "./replay/replay";
import type { AlertRuleChange, AlertRulesChanged, AlertRulesView } from "./rules/alertRules";
import type { Alert } from "./live/messages";
import { authHeaders, signInRequired } from "./auth";

export class ApiError extends Error {
  /** @param detail the problem document's title and detail, readable as they are. */
  constructor(readonly url: string, readonly status: number, readonly detail: string) {
    super(`${url}: ${status} ${detail}`);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json", ...authHeaders() }, signal });
  return (await (await checked(url, response)).json()) as T;
}

/** A POST with a JSON body; the answer as the response itself (JSON, CSV or GeoJSON), or ApiError. */
async function post(url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(url, {
    method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json", ...authHeaders() }, body: JSON.stringify(body), signal,
  });
  return checked(url, response);
}

/** The response when it is a success; otherwise ApiError with the problem document's title and detail. */
async function checked(url: string, response: Response): Promise<Response> {
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
  return response;
}

/** The alert rules in force, for an administrator; null for anyone else (403), who has no rules panel. */
export async function fetchAlertRules(): Promise<AlertRulesView | null> {
  const response = await fetch("api/admin/alert-rules", { headers: { Accept: "application/json", ...authHeaders() } });
  if (response.status === 403) return null;
  return (await (await checked("api/admin/alert-rules", response)).json()) as AlertRulesView;
}

export const fetchAlertRuleChanges = (limit: number): Promise<AlertRuleChange[]> =>
  getJson<AlertRuleChange[]>(`api/admin/alert-rules/changes?limit=${limit}`);

/** A change of the alert rules: what it did, or the problem document (its errors name their fields). */
export async function changeAlertRules(body: Record<string, unknown>): Promise<{ ok: AlertRulesChanged } | { problem: { status: number; title?: string; detail?: string; field?: string; errors?: { field: string; detail: string }[]; version?: number } }> {
  const response = await fetch("api/admin/alert-rules", {
    method: "PATCH", headers: { "Content-Type": "application/json", Accept: "application/json", ...authHeaders() }, body: JSON.stringify(body),
  });
  if (response.status === 401) signInRequired();
  if (response.ok) return { ok: (await response.json()) as AlertRulesChanged };
  let problem: { title?: string; detail?: string } = { title: response.statusText };
  try {
    problem = (await response.json()) as typeof problem;
  } catch {
    // not a problem document: the status text
  }
  return { problem: { status: response.status, ...problem } };
}

export const fetchTileJson = (layer: string): Promise<TileJson> =>
  getJson<TileJson>(`tiles/${encodeURIComponent(layer)}.json`);

/** The deployment's own basemap (docs/api.md § Basemap), or null when it has none. */
export async function fetchBasemap(): Promise<TileJson | null> {
  const response = await fetch("basemap/tiles.json", { headers: { Accept: "application/json", ...authHeaders() } });
  if (response.status === 404) return null;
  return (await (await checked("basemap/tiles.json", response)).json()) as TileJson;
}

export const fetchUnit = (code: string, signal?: AbortSignal): Promise<Unit> =>
  getJson<Unit>(`api/units/${encodeURIComponent(code)}`, signal);

/** The children of a unit, each with its figures; without a parent, the root units (provinces). */
export const fetchChildren = (parent: string | null, signal?: AbortSignal): Promise<Unit[]> =>
  getJson<Unit[]>(parent === null ? "api/units" : `api/units?parent=${encodeURIComponent(parent)}`, signal);

/** Units of the caller's area by name or code, best first (docs/api.md § Units). */
export const searchUnits = (q: string, limit: number, signal?: AbortSignal): Promise<UnitSearchHit[]> =>
  getJson<UnitSearchHit[]>(`api/units/search?q=${encodeURIComponent(q)}&limit=${limit}`, signal);

/** The unit's figures over time, oldest first (the server's default period: 30 days). */
export const fetchHistory = (code: string, signal?: AbortSignal): Promise<HistoryPoint[]> =>
  getJson<HistoryPoint[]>(`api/units/${encodeURIComponent(code)}/history`, signal);

/** The figures of the unit and every unit under it as they were at `at` (replay; docs/api.md § Units). */
export const fetchAsOf = (code: string, at: number, signal?: AbortSignal): Promise<UnitsAsOf> =>
  getJson<UnitsAsOf>(`api/units/${encodeURIComponent(code)}/as-of?at=${encodeURIComponent(new Date(at).toISOString())}`, signal);

/** The alerts about the unit and everything under it that were open at `at`, newest first (replay; docs/api.md § Alerts). */
export const fetchAlertsOpenAt = (code: string, at: number, signal?: AbortSignal): Promise<{ alerts: Alert[] }> =>
  getJson<{ alerts: Alert[] }>(`api/alerts?unit=${encodeURIComponent(code)}&openAt=${encodeURIComponent(new Date(at).toISOString())}&limit=500`, signal);

/** A drawn region's figures, units touched and sites (docs/api.md § Regions). */
export const queryRegion = async (region: RegionBody, signal?: AbortSignal): Promise<RegionFigures> =>
  (await (await post("api/regions/query", region, signal)).json()) as RegionFigures;

/** One page of the region's households to visit, worst first (may answer 401/403 by role). */
export const fetchRegionHouseholds = async (region: RegionBody, offset: number, limit: number, signal?: AbortSignal): Promise<RegionHouseholds> =>
  (await (await post(`api/regions/households?offset=${offset}&limit=${limit}&minLevel=1`, region, signal)).json()) as RegionHouseholds;

/** Saves the region to watch; the answer is the saved region. */
export const saveWatchRegion = async (request: WatchRegionRequest): Promise<SavedRegion> =>
  (await (await post("api/regions", request)).json()) as SavedRegion;

/** An export of a region request: `query.csv`, `query.geojson`, `households.csv`, `households.geojson`. */
export const exportRegion = async (file: string, region: RegionBody): Promise<Blob> =>
  (await post(`api/regions/${file}`, region)).blob();
