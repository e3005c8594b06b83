// What the unit card lists, in order, as label/value pairs: pure, so it is tested without a DOM.
import type { Unit } from "../types";
import type { I18n } from "../i18n/i18n";

export interface CardRow {
  label: string;
  value: string;
  /** A section heading row carries no value. */
  heading?: boolean;
}

export function unitCardRows(unit: Unit, i18n: I18n): CardRow[] {
  const f = unit.figures;
  const { t, count, share } = i18n;
  return [
    { label: t("households"), value: count(f.households) },
    { label: t("monitored"), value: count(f.monitored) },
    { label: t("legendLevels"), value: "", heading: true },
    { label: t("level1"), value: count(f.level1) },
    { label: t("level2"), value: count(f.level2) },
    { label: t("level3"), value: count(f.level3) },
    { label: t("shareAtLeastTwo"), value: share(f.shareAtLeastTwo) },
    { label: t("shareThree"), value: share(f.shareThree) },
    { label: t("assistanceCoverage"), value: share(f.assistanceCoverage) },
    { label: t("workGaps"), value: "", heading: true },
    { label: t("gapShouldMonitor"), value: count(f.workGaps.shouldMonitor) },
    { label: t("gapUnassisted"), value: count(f.workGaps.unassisted) },
    { label: t("gapShouldExit"), value: count(f.workGaps.shouldExit) },
  ];
}
