// What the planner's panel lists for a drawn region, as text: pure, so it is tested without a DOM.
import type { I18n } from "../i18n/i18n";
import { LevelKeys, zoneKey } from "../i18n/names";
import { figureRows, type CardRow } from "../card/unitCardRows";
import type { HouseholdToVisit, RegionFigures, RegionSite, RegionUnit } from "./regionTypes";

/** The region's own figures: area, zone, the unit card's rows, then the income median. */
export function regionRows(answer: RegionFigures, i18n: I18n): CardRow[] {
  const { t, count } = i18n;
  const area = new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 1 }).format(answer.region.areaKm2);
  return [
    { key: "regionArea", label: t("regionArea"), value: t("regionAreaKm2", { area }) },
    { key: "regionZone", label: t("regionZone"), value: t(zoneKey(answer.zone)) + (answer.scaleReturn ? ` · ${t("cardScaleReturn")}` : "") },
    ...figureRows(answer.figures, i18n),
    { key: "incomeMedian", label: t("incomeMedian"), value: answer.figures.incomeMedian === null ? "–" : t("yuan", { amount: count(answer.figures.incomeMedian) }) },
  ];
}

/** A unit the region touches: "name · level · whole/partial" and its own households and share. */
export function unitLine(unit: RegionUnit, i18n: I18n): { name: string; detail: string } {
  const { t, count, share } = i18n;
  return {
    name: unit.name,
    detail: [t(LevelKeys[unit.level]), t(unit.coverage === "whole" ? "coverageWhole" : "coveragePartial"),
      t("householdsCount", { count: count(unit.households) }), share(unit.shareAtLeastTwo)].join(" · "),
  };
}

export function siteLine(site: RegionSite, i18n: I18n): { name: string; detail: string } {
  const { t, count, share } = i18n;
  return { name: site.name, detail: [t("householdsCount", { count: count(site.households) }), share(site.shareAtLeastTwo)].join(" · ") };
}

/** A household to visit: its id and village, then level, score and the reasons in the current language. */
export function householdLine(h: HouseholdToVisit, i18n: I18n): { name: string; detail: string } {
  const { t } = i18n;
  const reasons = h.reasons.map((r) => (i18n.lang === "zh" ? r.zh : r.en)).join(i18n.lang === "zh" ? "、" : ", ");
  const visited = h.lastVisitOn ? t("lastVisit", { day: h.lastVisitOn }) : t("neverVisited");
  return {
    name: `${h.householdId} · ${h.villageName}`,
    detail: [t(LevelNames[h.level] ?? "level1"), t("score", { score: Math.round(h.score) }), reasons, visited].filter(Boolean).join(" · "),
  };
}

const LevelNames: Record<number, "level1" | "level2" | "level3"> = { 1: "level1", 2: "level2", 3: "level3" };
