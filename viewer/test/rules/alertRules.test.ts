import { describe, expect, it } from "vitest";
import { RuleFields, changeBody, errorsByField, fieldValue, type AlertRulesView } from "../../src/rules/alertRules";

const view: AlertRulesView = {
  version: 3, source: "administrator", changedAt: "2026-11-23T05:35:20Z", changedBy: "demo-admin", comment: "x",
  rules: {
    pendingPeriod: "00:00:10", escalateAfter: "00:03:00", minimumHouseholds: 10,
    scaleClear: { village: "2/5", township: "1/4", county: "2/25", prefecture: "2/25", province: "2/25", site: "2/5" },
    employmentFloor: "3/5", employmentClear: "2/3", minimumLabour: 10, householdAlerts: true,
  },
  raiseThresholds: { village: "1/2", township: "1/3", county: "1/10", prefecture: "1/10", province: "1/10", site: "1/2" },
  problem: null,
};

describe("alert rules form", () => {
  it("lists every rule the API takes, each read from the rules in force", () => {
    expect(RuleFields.map((f) => f.field)).toEqual([
      "minimumHouseholds", "scaleClear.village", "scaleClear.township", "scaleClear.county", "scaleClear.prefecture",
      "scaleClear.province", "scaleClear.site", "pendingPeriod", "escalateAfter", "employmentFloor", "employmentClear",
      "minimumLabour", "householdAlerts",
    ]);
    expect(RuleFields.map((f) => fieldValue(view.rules, f.field))).toEqual([
      "10", "2/5", "1/4", "2/25", "2/25", "2/25", "2/5", "00:00:10", "00:03:00", "3/5", "2/3", "10", true,
    ]);
  });

  it("sends only what was edited, with the comment and the version it was filled from", () => {
    const values = new Map<string, string | boolean>([
      ["minimumHouseholds", " 25 "], ["scaleClear.village", "35%"], ["scaleClear.township", "1/4"], ["pendingPeriod", "00:00:10"], ["householdAlerts", false],
    ]);
    expect(changeBody(view, values, " 小村并入乡镇 ")).toEqual({
      body: { minimumHouseholds: 25, householdAlerts: false, scaleClear: { village: "35%" }, comment: "小村并入乡镇", version: 3 },
      notWhole: [],
    });
  });

  it("sends nothing when nothing was edited, and holds back a count that is not a whole number", () => {
    expect(changeBody(view, new Map([["minimumHouseholds", "10"]]), "x")).toEqual({ body: null, notWhole: [] });
    expect(changeBody(view, new Map([["minimumLabour", "ten"]]), "x")).toEqual({ body: null, notWhole: ["minimumLabour"] });
  });

  it("puts each of the problem's errors beside its field, and a problem without them under its one field", () => {
    const errors = errorsByField({ errors: [{ field: "scaleClear.village", detail: "must be below 1/2" }, { field: "minimumHouseholds", detail: "1 to 100,000" }] });
    expect([...errors]).toEqual([["scaleClear.village", "must be below 1/2"], ["minimumHouseholds", "1 to 100,000"]]);
    expect([...errorsByField({ field: "comment", detail: "comment is required" })]).toEqual([["comment", "comment is required"]]);
  });
});
