// Messages and units as the server sends them, with what a test changes.
import type { Alert, UnitStats } from "../src/live/messages";
import type { Unit } from "../src/types";

export function stats(over: Partial<UnitStats> = {}): UnitStats {
  return {
    version: 10, kind: "unit", id: "513431100001", name: "南坪村", level: "village", unitCode: "513431100001",
    households: 20, monitored: 12, level1: 0, level2: 12, level3: 0, shareAtLeastII: 0.6, shareIII: 0,
    assisted: 0, gapShouldMonitor: 12, gapUnassisted: 0, gapShouldExit: 0, incomeMedian: null,
    zone: "red", scaleReturn: true, figuresVersion: 3, updatedAt: "2026-11-20T06:00:00Z", ...over,
  };
}

export function alert(over: Partial<Alert> = {}): Alert {
  return {
    version: 11, event: "raised", alertId: 7, rule: "scale", severity: "red", state: "raised",
    subjectKind: "unit", subjectId: "513431100001", subjectName: "南坪村", unitCode: "513431100001", unitName: "南坪村",
    countyCode: "513431000000", metric: 0.6, threshold: 0.5, clearThreshold: 0.4, households: 20,
    openedAt: "2026-11-20T06:00:00Z", raisedAt: "2026-11-20T06:00:00Z", acknowledgedAt: null, acknowledgedBy: null,
    acknowledgeComment: null, resolvedAt: null, resolvedBy: null, resolveReason: null,
    escalatedLevel: 0, escalatedTo: null, escalatedToName: null, alertVersion: 1, ...over,
  };
}

export function unit(over: Partial<Unit> = {}, figures: Partial<Unit["figures"]> = {}): Unit {
  return {
    code: "513400000000", level: "prefecture", name: "凉山彝族自治州", parentCode: "510000000000", childCodes: [],
    isKeyCounty: false, schematic: true, zone: "green", scaleReturn: false, version: 5, updatedAt: "2026-11-20T02:00:00Z",
    bbox: [101, 26, 104, 29], labelPoint: [102.5, 27.5], zoneCounts: null, keyCountyComparison: null,
    figures: {
      households: 1000, monitored: 100, level1: 50, level2: 30, level3: 10, shareAtLeastTwo: 0.04, shareThree: 0.01,
      assisted: 80, assistanceCoverage: 0.8, workGaps: { shouldMonitor: 1, unassisted: 2, shouldExit: 3 }, incomeMedian: 9000,
      ...figures,
    },
    ...over,
  };
}
