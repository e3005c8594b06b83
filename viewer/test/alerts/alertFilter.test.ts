import { describe, expect, it } from "vitest";
import { alert } from "../fixtures";
import {
  AllAlerts, DeskAlertFilter, alertKind, countAlerts, filterAlerts, parseAlertFilter, toggled,
} from "../../src/alerts/alertFilter";

const villageScale = alert({ alertId: 1 });
const townshipScale = alert({ alertId: 2, subjectId: "513431100000", unitCode: "513431100000" });
const countyScale = alert({ alertId: 3, subjectId: "513431000000", unitCode: "513431000000" });
const prefectureScale = alert({ alertId: 4, subjectId: "513400000000", unitCode: "513400000000" });
const siteScale = alert({ alertId: 5, subjectKind: "site", subjectId: "9001", subjectName: "南坪安置点" });
const siteEmployment = alert({ alertId: 6, rule: "site-employment", severity: "yellow", subjectKind: "site", subjectId: "9002" });
const household = alert({ alertId: 7, rule: "household-unassisted", severity: "yellow", subjectKind: "household", subjectId: "513431000000" });
const watch = alert({ alertId: 8, rule: "watch-12", severity: "yellow", subjectKind: "region", subjectId: "4" });
const all = [villageScale, townshipScale, countyScale, prefectureScale, siteScale, siteEmployment, household, watch];

describe("alertKind", () => {
  it("names a unit's scale alert by the unit's level, prefectures with counties", () => {
    expect([villageScale, townshipScale, countyScale, prefectureScale].map(alertKind))
      .toEqual(["scale-village", "scale-township", "scale-county", "scale-county"]);
  });

  it("puts a site's scale and employment alerts together, and tells households and watch regions apart", () => {
    expect([siteScale, siteEmployment, household, watch].map(alertKind)).toEqual(["site", "site", "household", "region"]);
  });

  it("reads a household alert as a household's even though its subject id is a county code", () => {
    expect(alertKind(household)).toBe("household");
  });
});

describe("filterAlerts", () => {
  it("on the desk by default shows the red alerts and counts the yellow ones it hides", () => {
    const { shown, hidden } = filterAlerts(DeskAlertFilter, all);
    expect(shown.map((a) => a.alertId)).toEqual([1, 2, 3, 4, 5]);
    expect(hidden).toBe(3);
  });

  it("needs both the severity and the kind to match", () => {
    expect(filterAlerts({ severities: ["red", "yellow"], kinds: ["site"] }, all).shown.map((a) => a.alertId)).toEqual([5, 6]);
    const yellowSites = { severities: ["yellow" as const], kinds: ["site" as const] };
    expect(filterAlerts(yellowSites, all).shown.map((a) => a.alertId)).toEqual([6]);
  });

  it("hides nothing for the wall", () => {
    expect(filterAlerts(AllAlerts, all)).toEqual({ shown: all, hidden: 0 });
  });

  it("with nothing ticked hides everything, and says how much", () => {
    expect(filterAlerts({ severities: [], kinds: [] }, all)).toEqual({ shown: [], hidden: all.length });
  });
});

describe("toggled", () => {
  it("switches one severity or kind, leaving the filter it came from as it was", () => {
    const withYellow = toggled(DeskAlertFilter, "yellow", true);
    expect(withYellow.severities).toEqual(["red", "yellow"]);
    expect(DeskAlertFilter.severities).toEqual(["red"]);
    const noSites = toggled(withYellow, "site", false);
    expect(noSites.kinds).not.toContain("site");
    expect(noSites.severities).toEqual(["red", "yellow"]);
    expect(filterAlerts(noSites, all).shown.map((a) => a.alertId)).toEqual([1, 2, 3, 4, 7, 8]);
  });
});

describe("countAlerts", () => {
  it("counts the open alerts per kind and per severity", () => {
    const counts = countAlerts(all);
    expect(counts.site).toBe(2);
    expect(counts["scale-county"]).toBe(2);
    expect(counts.red).toBe(5);
    expect(counts.yellow).toBe(3);
    expect(counts.region).toBe(1);
  });
});

describe("parseAlertFilter", () => {
  it("reads back what was stored", () => {
    const stored = toggled(toggled(DeskAlertFilter, "yellow", true), "household", false);
    expect(parseAlertFilter(JSON.stringify(stored))).toEqual(stored);
  });

  it("falls back to the default on nothing, broken JSON or the wrong shape, and drops values it does not know", () => {
    expect(parseAlertFilter(null)).toEqual(DeskAlertFilter);
    expect(parseAlertFilter("{not json")).toEqual(DeskAlertFilter);
    expect(parseAlertFilter(JSON.stringify({ severities: "red" }))).toEqual(DeskAlertFilter);
    expect(parseAlertFilter(JSON.stringify({ severities: ["red", "purple"], kinds: ["site", "moon"] })))
      .toEqual({ severities: ["red"], kinds: ["site"] });
  });
});
