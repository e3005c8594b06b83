import { describe, expect, it } from "vitest";
import { householdLine, regionRows, unitLine } from "../../src/planner/regionRows";
import type { HouseholdToVisit, RegionFigures } from "../../src/planner/regionTypes";
import { I18n } from "../../src/i18n/i18n";

const answer: RegionFigures = {
  region: { kind: "drawn", areaKm2: 607.531, vertices: 6 },
  notes: [],
  figures: {
    households: 8603, monitored: 461, level1: 537, level2: 465, level3: 118, shareAtLeastTwo: 0.067767, shareThree: 0.013716,
    assisted: 423, assistanceCoverage: 0.91757, workGaps: { shouldMonitor: 162, unassisted: 39, shouldExit: 4 }, incomeMedian: 17510,
  },
  zone: "green", scaleReturn: false,
  units: [{ code: "513431100000", level: "township", name: "新城镇", coverage: "whole", households: 3110, shareAtLeastTwo: 0.1, zone: "yellow",
    workGaps: { shouldMonitor: 1, unassisted: 0, shouldExit: 0 } }],
  sites: [],
};

const household: HouseholdToVisit = {
  householdId: "5134311000040223", villageName: "伊乌社区居民委员会", level: 3, score: 50.4, lastVisitOn: null,
  reasons: [{ key: "income_below_line", zh: "人均纯收入为监测线的0.91倍", en: "income 0.91 × monitoring line" }, { key: "risk.illness", zh: "因病", en: "illness" }],
};

const byKey = (i18n: I18n) => Object.fromEntries(regionRows(answer, i18n).filter((r) => r.key).map((r) => [r.key, r.value]));

describe("regionRows", () => {
  it("shows the region's area, zone, figures and income median in Chinese", () => {
    expect(byKey(new I18n("zh"))).toMatchObject({
      regionArea: "607.5 平方公里", regionZone: "绿灯区", households: "8,603", level3: "118",
      shareAtLeastTwo: "6.8%", shareThree: "1.4%", assistanceCoverage: "91.8%", gapUnassisted: "39", incomeMedian: "17,510 元",
    });
  });

  it("shows them in English, with a scale-return flag beside the zone", () => {
    const rows = Object.fromEntries(regionRows({ ...answer, zone: "red", scaleReturn: true }, new I18n("en")).map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({ Area: "607.5 km²", Households: "8,603", "Median income per person": "¥17,510" });
    expect(rows.Zone).toMatch(/^Red zone · /);
  });
});

describe("lines of the panel's lists", () => {
  it("say whether a unit is covered whole or in part, with its own figures", () => {
    expect(unitLine(answer.units[0], new I18n("zh"))).toEqual({ name: "新城镇", detail: "乡(镇) · 全部 · 3,110 户 · 10.0%" });
  });

  it("give a household's level, score and reasons in the current language", () => {
    expect(householdLine(household, new I18n("zh")).detail).toBe("III 高警 · 风险分 50 · 人均纯收入为监测线的0.91倍、因病 · 未走访");
    expect(householdLine(household, new I18n("en")).detail).toBe("III high · score 50 · income 0.91 × monitoring line, illness · never visited");
  });
});
