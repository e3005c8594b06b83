import { describe, expect, it } from "vitest";
import { alertMarkers } from "../../src/alerts/alertMarkers";
import { tickerEntries } from "../../src/alerts/tickerEntries";
import { alertDetail, alertPlace, alertRule } from "../../src/alerts/alertText";
import { I18n } from "../../src/i18n/i18n";
import { alert } from "../fixtures";

describe("alert text", () => {
  it("reads a scale alert as place, rule and measure against threshold", () => {
    const a = alert();
    const zh = new I18n("zh");
    expect(alertPlace(a)).toBe("南坪村");
    expect(alertRule(a, zh)).toBe("规模性返贫风险");
    expect(alertDetail(a, zh)).toBe("中警及以上占比 60.0% (阈值 50.0%)");
    expect(alertDetail(a, new I18n("en"))).toBe("share at II or above 60.0% (threshold 50.0%)");
  });

  it("names a household alert by its village, never the household", () => {
    const a = alert({ rule: "household-unassisted", subjectKind: "household", subjectId: "513431100001-0042", subjectName: null, severity: "yellow" });
    expect(alertPlace(a)).toBe("南坪村");
    expect(alertDetail(a, new I18n("zh"))).toBe("高警且无帮扶措施");
  });
});

describe("alert markers", () => {
  it("put one marker on a unit, red when any of its alerts is red", () => {
    const open = [
      alert({ alertId: 1, severity: "yellow", rule: "household-unassisted" }),
      alert({ alertId: 2, severity: "red" }),
      alert({ alertId: 3, unitCode: "513431100002", severity: "yellow" }),
    ];
    expect(alertMarkers(open, new Set(), 10)).toEqual([
      { unitCode: "513431100001", severity: "red", pulse: false, alerts: 2 },
      { unitCode: "513431100002", severity: "yellow", pulse: false, alerts: 1 },
    ]);
  });

  it("pulse where a raised alert arrived live, not for acknowledged ones or the backlog", () => {
    const open = [alert({ alertId: 1 }), alert({ alertId: 2, unitCode: "513431100002", state: "acknowledged" }), alert({ alertId: 3, unitCode: "513431100003" })];
    const markers = alertMarkers(open, new Set([1, 2]), 10);
    expect(markers.map((m) => m.pulse)).toEqual([true, false, false]);
  });

  it("keep the newest units' markers under the cap", () => {
    const open = [alert({ alertId: 1, unitCode: "a" }), alert({ alertId: 2, unitCode: "b" }), alert({ alertId: 3, unitCode: "a" })];
    expect(alertMarkers(open, new Set(), 1)).toEqual([{ unitCode: "a", severity: "red", pulse: false, alerts: 2 }]);
  });
});

describe("ticker entries", () => {
  it("put red alerts first, then the newest", () => {
    const open = [
      alert({ alertId: 1, severity: "yellow", rule: "site-employment", raisedAt: "2026-11-20T08:00:00Z" }),
      alert({ alertId: 2, severity: "red", raisedAt: "2026-11-20T06:00:00Z" }),
      alert({ alertId: 3, severity: "red", raisedAt: "2026-11-20T07:00:00Z" }),
    ];
    expect(tickerEntries(open).map((e) => e.alert.alertId)).toEqual([3, 2, 1]);
  });

  it("list a village's household alerts as one entry with a count, newest shown", () => {
    const household = (alertId: number, raisedAt: string) =>
      alert({ alertId, rule: "household-unassisted", severity: "yellow", subjectKind: "household", subjectId: `h${alertId}`, raisedAt });
    const entries = tickerEntries([household(1, "2026-11-20T06:00:00Z"), household(2, "2026-11-20T06:01:00Z"), household(3, "2026-11-20T05:00:00Z")]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ count: 3, alert: { alertId: 2 } });
  });
});
