import { describe, expect, it } from "vitest";
import { replayCardRows, trendMomentX, trendPath, unitAsOf, unitCardMeta, unitCardRows, unitRiskRows } from "../../src/card/unitCardRows";
import type { Unit } from "../../src/types";
import { I18n } from "../../src/i18n/i18n";

const unit: Unit = {
  code: "513431100000", level: "township", name: "新城镇", parentCode: "513431000000", childCodes: [],
  isKeyCounty: false, schematic: true, zone: "yellow", scaleReturn: false, version: 2, updatedAt: "2026-11-20T02:00:00+00:00",
  figures: {
    households: 12345, monitored: 40, level1: 3, level2: 5, level3: 2, shareAtLeastTwo: 0.25, shareThree: 0.1,
    assisted: 30, assistanceCoverage: 0.75, workGaps: { shouldMonitor: 4, unassisted: 6, shouldExit: 1 }, incomeMedian: 40000,
  },
};

describe("unitCardRows", () => {
  it("lists households, levels, shares and work gaps with Chinese labels", () => {
    const rows = Object.fromEntries(unitCardRows(unit, new I18n("zh")).filter((r) => !r.heading).map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({
      农户: "12,345", 监测户: "40", "I 轻警": "3", "II 中警": "5", "III 高警": "2",
      中警及以上占比: "25.0%", 应纳未纳: "4", 应帮未帮: "6", 应退未退: "1",
    });
  });

  it("lists them in English after a switch", () => {
    const i18n = new I18n("zh");
    i18n.set("en");
    const rows = Object.fromEntries(unitCardRows(unit, i18n).filter((r) => !r.heading).map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({ Households: "12,345", "III high": "2", "Share at II or above": "25.0%", "Should be monitored": "4" });
  });

  it("names a village's committee under its place name, and nothing twice for other units", () => {
    const village: Unit = { ...unit, level: "village", code: "513431244211", name: "特口甲谷村", officialName: "特口甲谷村村民委员会" };
    expect(unitCardMeta(village, "村")).toBe("村 · 特口甲谷村村民委员会 · 513431244211");
    expect(unitCardMeta({ ...unit, officialName: "新城镇" }, "乡镇")).toBe("乡镇 · 513431100000");
    expect(unitCardMeta(unit, "乡镇")).toBe("乡镇 · 513431100000");
  });
});


describe("unitRiskRows", () => {
  it("names the unit's three most common risk types, most households first, with their share", () => {
    const withRisks: Unit = {
      ...unit,
      figures: { ...unit.figures, households: 200, riskTypes: { illness: 30, disaster_flood: 50, education: 10, accident: 5, disability: null } },
    };
    const rows = unitRiskRows(withRisks, new I18n("zh"));
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ["主要风险类型", ""], ["因灾(洪涝)", "50 (25.0%)"], ["因病", "30 (15.0%)"], ["因学", "10 (5.0%)"],
    ]);
    expect(unitRiskRows({ ...unit, figures: { ...unit.figures, riskTypes: {} } }, new I18n("en"))).toEqual([]);
  });
});

describe("trendPath", () => {
  const point = (validFrom: string, shareAtLeastTwo: number) =>
    ({ validFrom, shareAtLeastTwo, households: 10, monitored: 0, level1: 0, level2: 0, level3: 0, zone: "green", scaleReturn: false }) as const;

  it("steps through the share over time, the highest share at the top of the box", () => {
    const d = trendPath([point("2026-11-22T00:00:00Z", 0.1), point("2026-11-22T01:00:00Z", 0.5), point("2026-11-22T02:00:00Z", 0.25)], 100, 50);
    expect(d).toBe("M0,40 H50 V0 H100 V25");
  });

  it("draws nothing from a single point", () => {
    expect(trendPath([point("2026-11-22T00:00:00Z", 0.1)], 100, 50)).toBeNull();
  });
});

describe("the card while replaying", () => {
  const then = { validFrom: "2026-11-19T08:00:00.123456+00:00", zone: "red" as const, scaleReturn: true,
    households: 20, monitored: 12, level1: 0, level2: 12, level3: 0, shareAtLeastTwo: 0.6 };

  it("draws the unit's zone, flag and level counts as they were, and only the rows history keeps", () => {
    const shown = unitAsOf(unit, then);
    expect([shown.zone, shown.scaleReturn, shown.name]).toEqual(["red", true, "新城镇"]);
    const rows = replayCardRows(shown, new I18n("zh"));
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ["农户", "20"], ["监测户", "12"], ["预警等级", ""], ["I 轻警", "0"], ["II 中警", "12"], ["III 高警", "0"], ["中警及以上占比", "60.0%"],
    ]);
  });

  it("draws a unit without figures at that moment as having no households, green, as the map does", () => {
    const shown = unitAsOf(unit, null);
    expect([shown.zone, shown.scaleReturn, shown.figures.households, shown.figures.level2, shown.figures.shareAtLeastTwo]).toEqual(["green", false, 0, 0, 0]);
  });

  it("marks the replayed moment across the trend, at its end after the last change, nowhere before the first", () => {
    const points = [
      { ...then, validFrom: "2026-11-19T08:00:00Z" }, { ...then, validFrom: "2026-11-19T10:00:00Z" }, { ...then, validFrom: "2026-11-19T12:00:00Z" },
    ];
    expect(trendMomentX(points, 260, Date.parse("2026-11-19T09:00:00Z"))).toBe(65);
    expect(trendMomentX(points, 260, Date.parse("2026-11-20T00:00:00Z"))).toBe(260);
    expect(trendMomentX(points, 260, Date.parse("2026-11-19T07:00:00Z"))).toBeNull();
    expect(trendMomentX(points.slice(0, 1), 260, Date.parse("2026-11-19T09:00:00Z"))).toBeNull();
  });
});
