// The wall's KPI tiles from the scope's figures: the API's unit (zones below it, key against other
// counties) with the live figures laid over it when they are newer. Pure.
import type { Unit } from "../types";
import type { Alert, UnitStats } from "../live/messages";
import type { I18n } from "../i18n/i18n";

export type KpiTone = "neutral" | "green" | "yellow" | "red" | "purple";

export interface Kpi {
  id: "monitored" | "red-villages" | "scale-alerts" | "level1" | "level2" | "level3" | "key-counties";
  label: string;
  value: string;
  detail: string;
  tone: KpiTone;
}

/** The scope's figures as of the newer of the API read and the last live message. */
export function currentFigures(unit: Unit, live: UnitStats | undefined) {
  const f = unit.figures;
  if (live && live.figuresVersion >= unit.version) {
    return { households: live.households, monitored: live.monitored, level1: live.level1, level2: live.level2, level3: live.level3 };
  }
  return { households: f.households, monitored: f.monitored, level1: f.level1, level2: f.level2, level3: f.level3 };
}

export function wallKpis(unit: Unit, live: UnitStats | undefined, openAlerts: readonly Alert[], i18n: I18n): Kpi[] {
  const { t, count, share } = i18n;
  const f = currentFigures(unit, live);
  const villages = unit.zoneCounts?.village;
  const redVillages = villages?.red ?? (unit.level === "village" && unit.zone === "red" ? 1 : 0);
  const villageTotal = villages ? villages.red + villages.yellow + villages.green : unit.level === "village" ? 1 : 0;
  const scaleAlerts = openAlerts.filter((a) => a.rule === "scale").length;
  const kpis: Kpi[] = [
    { id: "monitored", label: t("kpiMonitored"), value: count(f.monitored), detail: `${t("kpiHouseholds")} ${count(f.households)}`, tone: "neutral" },
    { id: "red-villages", label: t("kpiRedVillages"), value: count(redVillages), detail: t("kpiRedVillagesOf", { count: count(villageTotal) }), tone: redVillages > 0 ? "red" : "green" },
    { id: "scale-alerts", label: t("kpiScaleAlerts"), value: count(scaleAlerts), detail: `${t("alerts")} ${count(openAlerts.length)}`, tone: scaleAlerts > 0 ? "red" : "green" },
    { id: "level1", label: t("level1"), value: count(f.level1), detail: share(ratio(f.level1, f.households)), tone: "green" },
    { id: "level2", label: t("level2"), value: count(f.level2), detail: share(ratio(f.level2, f.households)), tone: "yellow" },
    { id: "level3", label: t("level3"), value: count(f.level3), detail: share(ratio(f.level3, f.households)), tone: "red" },
  ];
  const cmp = unit.keyCountyComparison;
  if (cmp && cmp.keyCounties.counties + cmp.otherCounties.counties > 0) {
    kpis.push({
      id: "key-counties",
      label: `${t("kpiKeyCounties")} · ${t("kpiKeyCountiesDetail")}`,
      value: `${share(cmp.keyCounties.shareAtLeastTwo)} / ${share(cmp.otherCounties.shareAtLeastTwo)}`,
      detail: t("kpiKeyCountiesCounts", { key: count(cmp.keyCounties.counties), other: count(cmp.otherCounties.counties) }),
      tone: "purple",
    });
  }
  return kpis;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
