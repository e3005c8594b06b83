// What the unit card lists, in order, as label/value pairs: pure, so it is tested without a DOM.
import type { HistoryPoint, Unit, UnitFigures } from "../types";
import type { MessageKey } from "../i18n/messages";
import type { I18n } from "../i18n/i18n";

export interface CardRow {
  label: string;
  value: string;
  /** A section heading row carries no value. */
  heading?: boolean;
  /** What the row shows (its message key), for tests to find a value whatever the language. */
  key?: string;
}

/**
 * The line under a unit's name: its level, its official name where the map shows a shorter one
 * (villages: 特口甲谷村 is 特口甲谷村村民委员会 in the division codes), and its code.
 */
export function unitCardMeta(unit: Unit, levelName: string): string {
  const official = unit.officialName && unit.officialName !== unit.name ? [unit.officialName] : [];
  return [levelName, ...official, unit.code].join(" · ");
}

export function unitCardRows(unit: Unit, i18n: I18n): CardRow[] {
  return figureRows(unit.figures, i18n);
}

/** The rows of a group of figures: a unit's card and a drawn region's panel list the same. */
export function figureRows(f: UnitFigures, i18n: I18n): CardRow[] {
  const { t, count, share } = i18n;
  return [
    { key: "households", label: t("households"), value: count(f.households) },
    { key: "monitored", label: t("monitored"), value: count(f.monitored) },
    { label: t("legendLevels"), value: "", heading: true },
    { key: "level1", label: t("level1"), value: count(f.level1) },
    { key: "level2", label: t("level2"), value: count(f.level2) },
    { key: "level3", label: t("level3"), value: count(f.level3) },
    { key: "shareAtLeastTwo", label: t("shareAtLeastTwo"), value: share(f.shareAtLeastTwo) },
    { key: "shareThree", label: t("shareThree"), value: share(f.shareThree) },
    { key: "assistanceCoverage", label: t("assistanceCoverage"), value: share(f.assistanceCoverage) },
    { label: t("workGaps"), value: "", heading: true },
    { key: "gapShouldMonitor", label: t("gapShouldMonitor"), value: count(f.workGaps.shouldMonitor) },
    { key: "gapUnassisted", label: t("gapUnassisted"), value: count(f.workGaps.unassisted) },
    { key: "gapShouldExit", label: t("gapShouldExit"), value: count(f.workGaps.shouldExit) },
  ];
}

/**
 * A unit as it was at a replayed moment: its zone, scale flag and level counts from the history point
 * (none: no households then, as the map draws such a unit); the figures history does not keep are
 * left as they are and not shown (replayCardRows).
 */
export function unitAsOf(unit: Unit, point: HistoryPoint | null): Unit {
  const counts = point ?? { households: 0, monitored: 0, level1: 0, level2: 0, level3: 0, shareAtLeastTwo: 0 };
  return {
    ...unit,
    zone: point?.zone ?? "green",
    scaleReturn: point?.scaleReturn ?? false,
    figures: {
      ...unit.figures, households: counts.households, monitored: counts.monitored, level1: counts.level1,
      level2: counts.level2, level3: counts.level3, shareAtLeastTwo: counts.shareAtLeastTwo,
    },
  };
}

/** The rows a replayed moment has figures for: those history keeps (households, monitored, the level counts, the share at II or above). */
export function replayCardRows(unit: Unit, i18n: I18n): CardRow[] {
  const kept = new Set(["households", "monitored", "level1", "level2", "level3", "shareAtLeastTwo"]);
  return figureRows(unit.figures, i18n).filter((r) => r.heading ? r.label === i18n.t("legendLevels") : kept.has(r.key ?? ""));
}

const RiskTypeKeys: Record<string, MessageKey> = {
  illness: "riskIllness", disability: "riskDisability", education: "riskEducation",
  disaster_flood: "riskDisasterFlood", disaster_geological: "riskDisasterGeological", disaster_drought: "riskDisasterDrought",
  disaster_biological: "riskDisasterBiological", disaster_meteorological: "riskDisasterMeteorological",
  disaster_earthquake: "riskDisasterEarthquake", disaster_other: "riskDisasterOther", accident: "riskAccident",
  industry_failure: "riskIndustryFailure", unstable_employment: "riskUnstableEmployment", labour_shortage: "riskLabourShortage",
  housing_safety: "riskHousingSafety", drinking_water: "riskDrinkingWater", other: "riskOther",
};

/**
 * Why a unit's households are at risk: its most common risk types (at most `top`), most households
 * first, each with its count and its share of the unit's households. Withheld counts (null) are left out.
 */
export function unitRiskRows(unit: Unit, i18n: I18n, top = 3): CardRow[] {
  const { t, count, share } = i18n;
  const households = unit.figures.households;
  const known = Object.entries(unit.figures.riskTypes ?? {})
    .filter((e): e is [string, number] => typeof e[1] === "number" && e[1] > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top);
  if (known.length === 0) return [];
  return [
    { label: t("cardRisks"), value: "", heading: true },
    ...known.map(([type, n]) => ({
      key: `risk:${type}`,
      label: RiskTypeKeys[type] ? t(RiskTypeKeys[type]) : type,
      value: households ? `${count(n)} (${share(n / households)})` : count(n),
    })),
  ];
}

/** Where a moment falls across the trend's width (the replayed one); null outside the history drawn or with under two points. */
export function trendMomentX(points: HistoryPoint[], width: number, at: number): number | null {
  const times = points.map((p) => Date.parse(p.validFrom)).filter(Number.isFinite);
  if (times.length < 2) return null;
  const t0 = Math.min(...times), t1 = Math.max(...times);
  if (at < t0 || t1 === t0) return null;
  return Math.round(Math.min(1, (at - t0) / (t1 - t0)) * width * 10) / 10;
}

/** An SVG path of the share at II or above over time, as steps (each value holds until the next), in a width × height box; null with under two points. */
export function trendPath(points: HistoryPoint[], width: number, height: number): string | null {
  const usable = points.filter((p) => typeof p.shareAtLeastTwo === "number" && !Number.isNaN(Date.parse(p.validFrom)));
  if (usable.length < 2) return null;
  const times = usable.map((p) => Date.parse(p.validFrom));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const top = Math.max(0.05, ...usable.map((p) => p.shareAtLeastTwo));
  const x = (t: number) => (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * width);
  const y = (v: number) => height - (v / top) * height;
  const fmt = (n: number) => Math.round(n * 10) / 10;
  let d = `M${fmt(x(times[0]))},${fmt(y(usable[0].shareAtLeastTwo))}`;
  for (let i = 1; i < usable.length; i++)
    d += ` H${fmt(x(times[i]))} V${fmt(y(usable[i].shareAtLeastTwo))}`;
  return d;
}
