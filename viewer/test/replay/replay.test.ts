import { describe, expect, it } from "vitest";
import { NoFigures, nextStop, stopTime, previousStop, ReplayKeys, replaySiteStates, replayStates, replayStops, type UnitAsOf } from "../../src/replay/replay";
import { featureState } from "../../src/layers/liveFeatures";
import type { HistoryPoint } from "../../src/types";
import { stats } from "../fixtures";

function point(validFrom: string, over: Partial<HistoryPoint> = {}): HistoryPoint {
  return { validFrom, households: 20, monitored: 4, level1: 2, level2: 8, level3: 3, shareAtLeastTwo: 0.55, zone: "red", scaleReturn: true, ...over };
}

const t = (iso: string) => Date.parse(iso);

describe("replay site states", () => {
  it("colour each site by its share then, as none at risk without figures, under the keys the sites layer reads", () => {
    const states = replaySiteStates([
      { siteId: "9001", figures: point("2026-11-23T02:00:00Z", { shareAtLeastTwo: 0.6, zone: "red" }) },
      { siteId: "9002", figures: null },
      { siteId: "not-a-number", figures: null },
    ]);
    expect([...states.keys()]).toEqual(["sites/9001", "sites/9002"]);
    expect(states.get("sites/9001")).toEqual({ target: { source: "sites", id: 9001 }, state: { zone: "red", share2: 0.6 } });
    expect(states.get("sites/9002")!.state).toEqual({ zone: "green", share2: 0 });
    for (const { state } of states.values()) for (const key of Object.keys(state)) expect(ReplayKeys).toContain(key);
  });
});

describe("replay states", () => {
  it("draw each county, township and village as it was, under the keys live figures use", () => {
    const units: UnitAsOf[] = [
      { code: "513400000000", level: "prefecture", figures: point("2026-11-23T02:00:00Z") },
      { code: "513431000000", level: "county", figures: point("2026-11-23T02:00:00Z", { zone: "yellow", shareAtLeastTwo: 0.2, scaleReturn: false }) },
      { code: "513431100001", level: "village", figures: point("2026-11-23T02:05:00Z") },
    ];

    const states = replayStates(units);

    expect([...states.keys()]).toEqual(["counties/513431000000", "villages/513431100001"]);
    expect(states.get("counties/513431000000")!.state).toMatchObject({ zone: "yellow", share2: 0.2, scale_return: false });
    expect(states.get("villages/513431100001")).toEqual({
      target: { source: "villages", id: "513431100001" },
      state: { zone: "red", share2: 0.55, scale_return: true, households: 20, level1: 2, level2: 8, level3: 3 },
    });
    // every key replay sets is one the live figures set, so the fill expressions read both alike
    expect(Object.keys(featureState(stats({})))).toEqual(expect.arrayContaining(ReplayKeys));
  });

  it("draw a unit without figures at that moment as without households", () => {
    const states = replayStates([{ code: "513431100002", level: "village", figures: null }]);

    expect(states.get("villages/513431100002")).toEqual({ target: { source: "villages", id: "513431100002" }, state: NoFigures });
  });

  it("draw withheld small counts as none", () => {
    const states = replayStates([{ code: "513431100001", level: "village", figures: point("2026-11-23T02:00:00Z", { households: null as unknown as number, shareAtLeastTwo: null as unknown as number }) }]);

    expect(states.get("villages/513431100001")!.state).toMatchObject({ households: 0, share2: 0, zone: "red" });
  });
});

describe("replay stops", () => {
  const stops = replayStops([point("2026-11-23T02:10:00Z"), point("2026-11-23T02:00:00Z"), point("2026-11-23T02:10:00Z"), point("2026-11-23T02:20:00Z")]);

  it("are the moments the scope's figures changed, oldest first, once each", () => {
    expect(stops).toEqual([t("2026-11-23T02:00:00Z"), t("2026-11-23T02:10:00Z"), t("2026-11-23T02:20:00Z")]);
  });

  it("fall at or after the change they stand for, though the server's times are finer than a millisecond", () => {
    expect(stopTime("2026-11-23T02:38:49.123456+00:00")).toBe(t("2026-11-23T02:38:49.124Z"));
    expect(stopTime("2026-11-23T02:38:49.123000+00:00")).toBe(t("2026-11-23T02:38:49.123Z"));
    expect(stopTime("2026-11-23T02:38:49Z")).toBe(t("2026-11-23T02:38:49Z"));
  });

  it("step back to the figures before the change that holds at the moment shown", () => {
    expect(previousStop(stops, t("2026-11-23T02:25:00Z"))).toBe(t("2026-11-23T02:10:00Z"));
    expect(previousStop(stops, t("2026-11-23T02:10:00Z"))).toBe(t("2026-11-23T02:00:00Z"));
    expect(previousStop(stops, t("2026-11-23T02:05:00Z"))).toBeNull();
  });

  it("step on to the next change, and to none after the last", () => {
    expect(nextStop(stops, t("2026-11-23T01:00:00Z"))).toBe(t("2026-11-23T02:00:00Z"));
    expect(nextStop(stops, t("2026-11-23T02:10:00Z"))).toBe(t("2026-11-23T02:20:00Z"));
    expect(nextStop(stops, t("2026-11-23T02:20:00Z"))).toBeNull();
  });
});
