// Payloads of the live hub /hubs/risk (docs/live.md), as the JSON protocol delivers them.
import type { Zone } from "../types";

/** A unit's or resettlement site's figures now (in a Changes frame, a snapshot or a catch-up). */
export interface UnitStats {
  version: number;
  kind: "unit" | "site";
  id: string;
  name: string | null;
  level: "province" | "prefecture" | "county" | "township" | "village" | "site";
  unitCode: string;
  households: number;
  monitored: number;
  level1: number;
  level2: number;
  level3: number;
  shareAtLeastII: number;
  shareIII: number;
  assisted: number;
  gapShouldMonitor: number;
  gapUnassisted: number;
  gapShouldExit: number;
  incomeMedian: number | null;
  zone: Zone;
  scaleReturn: boolean;
  figuresVersion: number;
  updatedAt: string;
}

export type AlertState = "pending" | "raised" | "acknowledged" | "resolved";

/** An alert after a transition (raised, updated, resolved), in a Changes frame, a snapshot or a catch-up. */
export interface Alert {
  version: number;
  event: "raised" | "updated" | "resolved" | null;
  alertId: number;
  rule: string;
  severity: "red" | "yellow";
  state: AlertState;
  subjectKind: "unit" | "site" | "household" | "region";
  subjectId: string;
  subjectName: string | null;
  unitCode: string;
  unitName: string | null;
  countyCode: string | null;
  metric: number | null;
  threshold: number | null;
  clearThreshold: number | null;
  households: number | null;
  openedAt: string;
  raisedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgeComment: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolveReason: string | null;
  escalatedLevel: number;
  escalatedTo: string | null;
  escalatedToName: string | null;
  alertVersion: number;
}

export interface TileArea {
  layer: string;
  /** west, south, east, north in degrees */
  box: [number, number, number, number];
}

/** Tile areas whose tiles changed, as of a log version (the `tiles` of a Changes frame). */
export interface TilesInvalidated {
  version: number;
  areas: TileArea[];
}

/**
 * Changes: everything one relay tick brought under the subscribed unit, in one frame — figures and
 * alert transitions in log order, then the changed tile areas. `version` is the tick's log position:
 * once the frame is applied, a reconnect resumes after it.
 */
export interface Changes {
  version: number;
  stats: UnitStats[];
  alerts: Alert[];
  tiles: TileArea[];
}

/** What Subscribe returns. */
export interface Snapshot {
  unitCode: string;
  version: number;
  figures: UnitStats | null;
  openAlerts: Alert[];
}

/** What Resume returns: the changes after a version, or (reset) a fresh snapshot. */
export interface CatchUp {
  unitCode: string;
  version: number;
  reset: boolean;
  stats: UnitStats[];
  alerts: Alert[];
  snapshot: Snapshot | null;
}

/** Alerts still needing someone: raised or acknowledged. */
export function isOpen(alert: Alert): boolean {
  return alert.state === "raised" || alert.state === "acknowledged";
}
