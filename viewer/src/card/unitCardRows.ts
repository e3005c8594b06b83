// What the unit card lists, in order, as label/value pairs: pure, so it is tested without a DOM.
import type { Unit, UnitFigures } from "../types";
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
