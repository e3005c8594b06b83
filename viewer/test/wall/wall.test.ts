import { describe, expect, it } from "vitest";
import { currentFigures, wallKpis } from "../../src/wall/kpis";
import { planTour, worstFirst } from "../../src/wall/tourPlan";
import { keepStillRaised, nextTakeovers } from "../../src/wall/takeoverQueue";
import { appendLive, trendSeries } from "../../src/wall/history";
import { I18n } from "../../src/i18n/i18n";
import type { HistoryPoint } from "../../src/types";
import { alert, stats, unit } from "../fixtures";

const zh = new I18n("zh");

describe("KPI tiles", () => {
  const scope = unit({
    zoneCounts: { village: { red: 3, yellow: 5, green: 92 } },
    keyCountyComparison: {
      keyCounties: { counties: 10, households: 600, monitored: 70, level1: 0, level2: 0, level3: 0, shareAtLeastTwo: 0.2, redCounties: 1, workGaps: 0 },
      otherCounties: { counties: 7, households: 400, monitored: 30, level1: 0, level2: 0, level3: 0, shareAtLeastTwo: 0.05, redCounties: 0, workGaps: 0 },
    },
  });

  it("show monitored households, levels, red villages, open scale alerts and key against other counties", () => {
    const kpis = Object.fromEntries(wallKpis(scope, undefined, [alert(), alert({ alertId: 8, rule: "household-unassisted" })], zh).map((k) => [k.id, k]));
    expect(kpis.monitored.value).toBe("100");
    expect(kpis.monitored.detail).toBe("农户 1,000");
    expect(kpis["red-villages"]).toMatchObject({ value: "3", detail: "共 100 个村", tone: "red" });
    expect(kpis["scale-alerts"]).toMatchObject({ value: "1", tone: "red" });
    expect(kpis.level3).toMatchObject({ value: "10", detail: "1.0%" });
    expect(kpis["key-counties"]).toMatchObject({ value: "20.0% / 5.0%", detail: "10 个 / 7 个县" });
  });

  it("use the live figures when they are at least as new as the API's", () => {
    const live = stats({ id: scope.code, level: "prefecture", figuresVersion: 6, monitored: 130, level3: 12 });
    expect(currentFigures(scope, live)).toMatchObject({ monitored: 130, level3: 12 });
    expect(currentFigures(scope, { ...live, figuresVersion: 4 })).toMatchObject({ monitored: 100, level3: 10 });
  });

  it("leave out the key-county comparison where there is none", () => {
    expect(wallKpis(unit({ level: "county" }), undefined, [], zh).map((k) => k.id)).not.toContain("key-counties");
  });
});

describe("tour", () => {
  const county = (code: string, zone: "red" | "yellow" | "green", share: number, households = 100) =>
    unit({ code, name: code, level: "county", zone }, { shareAtLeastTwo: share, households });

  it("orders red before yellow before green, then by share", () => {
    const order = worstFirst([county("a", "green", 0.3), county("b", "red", 0.2), county("c", "yellow", 0.9), county("d", "red", 0.6)]);
    expect(order.map((u) => u.code)).toEqual(["d", "b", "c", "a"]);
  });

  it("leaves out units without households", () => {
    expect(worstFirst([county("a", "red", 0.9, 0)])).toEqual([]);
  });

  it("goes scope → the three worst counties → the three worst townships", () => {
    const scope = unit();
    const counties = [county("c1", "red", 0.6), county("c2", "green", 0.1), county("c3", "yellow", 0.3), county("c4", "red", 0.55)];
    const townships = [county("t1", "red", 0.7), county("t2", "red", 0.9)].map((t) => ({ ...t, level: "township" as const }));
    const stops = planTour(scope, counties, townships);
    expect(stops.map((s) => `${s.kind}:${s.code}`)).toEqual(["scope:513400000000", "county:c1", "county:c4", "county:c3", "township:t2", "township:t1"]);
  });
});

describe("red alert takeover", () => {
  it("takes over for a raised red alert and yields when it is acknowledged or resolved", () => {
    let q = nextTakeovers([], alert({ alertId: 1 }));
    q = nextTakeovers(q, alert({ alertId: 2 }));
    expect(q.map((a) => a.alertId)).toEqual([2, 1]);
    q = nextTakeovers(q, alert({ alertId: 2, state: "acknowledged", alertVersion: 2 }));
    expect(q.map((a) => a.alertId)).toEqual([1]);
    q = nextTakeovers(q, alert({ alertId: 1, state: "resolved", alertVersion: 3 }));
    expect(q).toEqual([]);
  });

  it("ignores yellow alerts", () => {
    expect(nextTakeovers([], alert({ severity: "yellow" }))).toEqual([]);
  });

  it("keeps after a reset only those the snapshot still has raised", () => {
    const held = new Map([[1, alert({ alertId: 1 })], [2, alert({ alertId: 2, state: "acknowledged" })]]);
    const q = keepStillRaised([alert({ alertId: 1 }), alert({ alertId: 2 }), alert({ alertId: 3 })], (id) => held.get(id));
    expect(q.map((a) => a.alertId)).toEqual([1]);
  });
});

describe("trend", () => {
  const point = (validFrom: string, share: number): HistoryPoint => ({
    validFrom, households: 100, monitored: 10, level1: 1, level2: 2, level3: 3, shareAtLeastTwo: share, zone: "green", scaleReturn: false,
  });

  it("appends live figures that are newer than the last point, and only those", () => {
    const points = [point("2026-11-20T06:00:00Z", 0.1)];
    expect(appendLive(points, stats({ updatedAt: "2026-11-20T07:00:00Z" }))).toHaveLength(2);
    expect(appendLive(points, stats({ updatedAt: "2026-11-20T06:00:00Z" }))).toHaveLength(1);
  });

  it("extends the last figures to now, as they still hold", () => {
    const s = trendSeries([point("2026-11-20T06:00:00Z", 0.1), point("2026-11-20T07:00:00Z", 0.2)], Date.parse("2026-11-20T08:00:00Z"));
    expect(s.x).toEqual([1795154400, 1795158000, 1795161600]);
    expect(s.share).toEqual([0.1, 0.2, 0.2]);
  });
});
