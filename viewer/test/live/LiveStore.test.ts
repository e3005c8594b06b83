import { describe, expect, it } from "vitest";
import { LiveStore } from "../../src/live/LiveStore";
import { alert, stats } from "../fixtures";

function recorded(store: LiveStore) {
  const events: string[] = [];
  store.on("reset", () => events.push("reset"));
  store.on("stats", (s) => events.push(`stats ${s.id} v${s.figuresVersion}`));
  store.on("alert", ({ alert: a, previous }) => events.push(`alert ${a.alertId} ${a.state} after ${previous?.state ?? "none"}`));
  store.on("tiles", (m) => events.push(`tiles ${m.version}`));
  return events;
}

const snapshot = { unitCode: "513400000000", version: 100, figures: stats({ id: "513400000000", level: "prefecture", figuresVersion: 9 }), openAlerts: [alert({ alertId: 1 })] };

/** A store subscribed (the snapshot applied) that has since had 南坪村's figures at `version`. */
function subscribedWithVillage(version: number): LiveStore {
  const store = new LiveStore();
  store.applySnapshot(snapshot);
  store.applyStats(stats({ version, figuresVersion: 4 }));
  return store;
}

describe("LiveStore", () => {
  it("starts from a snapshot: its version, the scope's figures, the open alerts", () => {
    const store = new LiveStore();
    const events = recorded(store);
    expect(store.version).toBeNull();
    store.applySnapshot(snapshot);
    expect(events).toEqual(["reset"]);
    expect(store.version).toBe(100);
    expect(store.figuresOf("unit", "513400000000")?.figuresVersion).toBe(9);
    expect(store.openAlerts().map((a) => a.alertId)).toEqual([1]);
  });

  it("applies figures once, by figuresVersion, and keeps the higher of two", () => {
    const store = new LiveStore();
    store.applySnapshot(snapshot);
    const events = recorded(store);
    expect(store.applyStats(stats({ version: 101, figuresVersion: 4 }))).toBe(true);
    expect(store.applyStats(stats({ version: 101, figuresVersion: 4 }))).toBe(false);
    expect(store.applyStats(stats({ version: 99, figuresVersion: 3, zone: "green" }))).toBe(false);
    expect(events).toEqual(["stats 513431100001 v4"]);
    expect(store.figuresOf("unit", "513431100001")?.zone).toBe("red");
  });

  it("keeps sites and units with the same id apart", () => {
    const store = new LiveStore();
    store.applyStats(stats({ kind: "unit", id: "9001", figuresVersion: 5 }));
    expect(store.applyStats(stats({ kind: "site", id: "9001", figuresVersion: 1 }))).toBe(true);
  });

  it("applies alert transitions once, by alertVersion; a late raise does not reopen a resolved alert", () => {
    const store = new LiveStore();
    store.applySnapshot({ ...snapshot, openAlerts: [] });
    const events = recorded(store);
    store.applyAlert(alert({ alertId: 7, version: 101, alertVersion: 1 }));
    store.applyAlert(alert({ alertId: 7, version: 102, alertVersion: 2, state: "acknowledged", event: "updated" }));
    store.applyAlert(alert({ alertId: 7, version: 103, alertVersion: 3, state: "resolved", event: "resolved" }));
    store.applyAlert(alert({ alertId: 7, version: 101, alertVersion: 1 }));
    expect(events).toEqual(["alert 7 raised after none", "alert 7 acknowledged after raised", "alert 7 resolved after acknowledged"]);
    expect(store.openAlerts()).toEqual([]);
    expect(store.version).toBe(103);
  });

  it("lists open alerts newest raise first", () => {
    const store = new LiveStore();
    store.applyAlert(alert({ alertId: 1, raisedAt: "2026-11-20T06:00:00Z" }));
    store.applyAlert(alert({ alertId: 2, raisedAt: "2026-11-20T07:00:00Z" }));
    store.applyAlert(alert({ alertId: 3, raisedAt: "2026-11-20T05:00:00Z", state: "acknowledged" }));
    expect(store.openAlerts().map((a) => a.alertId)).toEqual([2, 1, 3]);
  });

  it("applies a catch-up that overlaps live delivery without repeating anything", () => {
    const store = subscribedWithVillage(101);
    const events = recorded(store);
    store.applyCatchUp({
      unitCode: "513400000000", version: 105, reset: false, snapshot: null,
      stats: [stats({ version: 101, figuresVersion: 4 }), stats({ version: 104, figuresVersion: 5, zone: "yellow" })],
      alerts: [alert({ alertId: 1, version: 102, alertVersion: 2, state: "resolved" })],
    });
    expect(events).toEqual(["stats 513431100001 v5", "alert 1 resolved after raised"]);
    expect(store.version).toBe(105);
  });

  it("replaces everything on a reset catch-up, even with a lower version (another database)", () => {
    const store = subscribedWithVillage(150);
    const events = recorded(store);
    store.applyCatchUp({
      unitCode: "513400000000", version: 20, reset: true, stats: [], alerts: [],
      snapshot: { unitCode: "513400000000", version: 20, figures: null, openAlerts: [alert({ alertId: 30 })] },
    });
    expect(events).toEqual(["reset"]);
    expect(store.version).toBe(20);
    expect(store.figuresOf("unit", "513431100001")).toBeUndefined();
    expect(store.openAlerts().map((a) => a.alertId)).toEqual([30]);
  });

  it("counts tile invalidations into the version it resumes from", () => {
    const store = new LiveStore();
    store.applySnapshot(snapshot);
    store.applyTiles({ version: 130, areas: [] });
    expect(store.version).toBe(130);
  });

  it("applies a Changes frame's figures, then its alerts, then its tiles, and resumes after the frame's version", () => {
    const store = new LiveStore();
    store.applySnapshot({ ...snapshot, openAlerts: [] });
    const events = recorded(store);
    store.applyChanges({
      version: 140,
      stats: [stats({ version: 131, figuresVersion: 5 }), stats({ id: "513431100000", level: "township", version: 132, figuresVersion: 2 })],
      alerts: [alert({ alertId: 8, version: 133, alertVersion: 1 })],
      tiles: [{ layer: "sites", box: [102.6, 28.0, 102.7, 28.1] }],
    });
    expect(events).toEqual(["stats 513431100001 v5", "stats 513431100000 v2", "alert 8 raised after none", "tiles 140"]);
    expect(store.version).toBe(140);
  });

  it("tells no one of tiles when a Changes frame has no tile areas, and still takes its version", () => {
    const store = new LiveStore();
    store.applySnapshot(snapshot);
    const events = recorded(store);
    store.applyChanges({ version: 150, stats: [], alerts: [alert({ alertId: 9, version: 149, alertVersion: 1 })], tiles: [] });
    expect(events).toEqual(["alert 9 raised after none"]);
    expect(store.version).toBe(150);
  });
});
