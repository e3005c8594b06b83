import { describe, expect, it } from "vitest";
import { regionBody, watchRegionRequest, type WatchForm } from "../../src/planner/regionRequest";
import type { Position } from "../../src/planner/regionTypes";

const square: Position[] = [[102.62, 28.02], [102.68, 28.02], [102.68, 28.08], [102.62, 28.08], [102.62, 28.02]];

describe("regionBody", () => {
  it("sends a drawn ring as a closed GeoJSON Polygon", () => {
    expect(regionBody(square)).toEqual({ type: "Polygon", coordinates: [square] });
  });

  it("closes an open ring and rounds to six decimals", () => {
    const body = regionBody([[102.123456789, 28.1], [102.2, 28.1], [102.2, 28.2]]);
    expect(body?.coordinates[0]).toEqual([[102.123457, 28.1], [102.2, 28.1], [102.2, 28.2], [102.123457, 28.1]]);
  });

  it("drops a corner clicked twice (a double click) but keeps the outline", () => {
    const body = regionBody([[102.6, 28], [102.7, 28], [102.7, 28], [102.7, 28.1], [102.6, 28]]);
    expect(body?.coordinates[0]).toHaveLength(4);
  });

  it("keeps every corner of a circle drawn as a polygon", () => {
    const corners = 64;
    const circle: Position[] = Array.from({ length: corners }, (_, i) => {
      const a = (2 * Math.PI * i) / corners;
      return [102.65 + 0.02 * Math.cos(a), 28.05 + 0.02 * Math.sin(a)];
    });
    const ring = regionBody([...circle, circle[0]])!.coordinates[0];
    expect(ring).toHaveLength(corners + 1);
    expect(ring[0]).toEqual(ring[corners]);
  });

  it("is null for fewer than three distinct corners (nothing to ask about)", () => {
    expect(regionBody([[102.6, 28], [102.7, 28], [102.6, 28]])).toBeNull();
    expect(regionBody([])).toBeNull();
  });
});

describe("watchRegionRequest", () => {
  const geometry = regionBody(square)!;
  const form = (over: Partial<WatchForm>): WatchForm => ({ name: "南坪河谷", metric: "", raise: "", clear: "", minimumHouseholds: "", ...over });

  it("saves a region without a rule", () => {
    expect(watchRegionRequest(form({}), geometry)).toEqual({ request: { name: "南坪河谷", geometry, rules: [] } });
  });

  it("sends share thresholds typed in per cent as fractions, and the minimum when given", () => {
    const built = watchRegionRequest(form({ metric: "shareAtLeastTwo", raise: "10", clear: "8", minimumHouseholds: "50" }), geometry);
    expect(built).toEqual({ request: { name: "南坪河谷", geometry, rules: [
      { metric: "shareAtLeastTwo", raiseThreshold: 0.1, clearThreshold: 0.08, minimumHouseholds: 50 }] } });
  });

  it("sends a household count as it is, leaving the minimum to the server's default", () => {
    const built = watchRegionRequest(form({ metric: "householdsAtThree", raise: "150", clear: "120" }), geometry);
    expect(built).toEqual({ request: { name: "南坪河谷", geometry, rules: [{ metric: "householdsAtThree", raiseThreshold: 150, clearThreshold: 120 }] } });
  });

  it("asks for a name and for both thresholds before anything is sent", () => {
    expect(watchRegionRequest(form({ name: "  " }), geometry)).toEqual({ fault: "saveNameMissing" });
    expect(watchRegionRequest(form({ metric: "shareThree", raise: "5" }), geometry)).toEqual({ fault: "saveRuleIncomplete" });
  });
});
