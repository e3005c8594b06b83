// What the ticker lists: red before yellow, newest first, and a village's household alerts as one
// entry with a count (a flood can put a hundred households at level III at once; the wall must
// still show the scale alert). Pure.
import type { Alert } from "../live/messages";

export interface TickerEntry {
  key: string;
  /** The newest alert of the entry. */
  alert: Alert;
  count: number;
}

export function tickerEntries(open: readonly Alert[]): TickerEntry[] {
  const entries = new Map<string, TickerEntry>();
  for (const a of open) {
    const key = a.subjectKind === "household" ? `${a.rule}:${a.unitCode}:${a.state}` : `alert:${a.alertId}`;
    const held = entries.get(key);
    if (!held) entries.set(key, { key, alert: a, count: 1 });
    else {
      held.count++;
      if (raisedAt(a) > raisedAt(held.alert)) held.alert = a;
    }
  }
  return [...entries.values()].sort((x, y) =>
    severityRank(x.alert) - severityRank(y.alert) || raisedAt(y.alert) - raisedAt(x.alert) || y.alert.alertId - x.alert.alertId);
}

function severityRank(a: Alert): number {
  return a.severity === "red" ? 0 : 1;
}

function raisedAt(a: Alert): number {
  return Date.parse(a.raisedAt ?? a.openedAt);
}
