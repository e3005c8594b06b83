// What the unit card lists, in order, as label/value pairs: pure, so it is tested without a DOM.
import type { Unit } from "../types";
import { formatCount, formatShare } from "../format";

export interface CardRow {
  label: string;
  value: string;
  /** A section heading row carries no value. */
  heading?: boolean;
}

export function unitCardRows(unit: Unit): CardRow[] {
  const f = unit.figures;
  return [
    { label: "农户", value: formatCount(f.households) },
    { label: "监测户", value: formatCount(f.monitored) },
    { label: "预警等级", value: "", heading: true },
    { label: "I 轻警", value: formatCount(f.level1) },
    { label: "II 中警", value: formatCount(f.level2) },
    { label: "III 高警", value: formatCount(f.level3) },
    { label: "中警及以上占比", value: formatShare(f.shareAtLeastTwo) },
    { label: "高警占比", value: formatShare(f.shareThree) },
    { label: "帮扶覆盖率", value: formatShare(f.assistanceCoverage) },
    { label: "工作缺口", value: "", heading: true },
    { label: "应纳未纳", value: formatCount(f.workGaps.shouldMonitor) },
    { label: "应帮未帮", value: formatCount(f.workGaps.unassisted) },
    { label: "应退未退", value: formatCount(f.workGaps.shouldExit) },
  ];
}
