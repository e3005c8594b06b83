// Which open alerts a desk shows: by severity and by kind (scale of a village, township or county,
// a resettlement site, a household, a saved watch region). Both must match. What is hidden is
// counted, so a filter never loses an alert silently. Pure; stored as JSON by AlertFilterState.
import type { Alert } from "../live/messages";

export type AlertSeverity = Alert["severity"];
export const AlertSeverities: readonly AlertSeverity[] = ["red", "yellow"];

export type AlertKind = "scale-village" | "scale-township" | "scale-county" | "site" | "household" | "region";
export const AlertKinds: readonly AlertKind[] = ["scale-village", "scale-township", "scale-county", "site", "household", "region"];

export interface AlertFilter {
  severities: AlertSeverity[];
  kinds: AlertKind[];
}

/**
 * The desk's default: red alerts of every kind, i.e. the scale alerts of units and sites. The
 * yellow ones (a demo holds ~90 resettlement-site employment alerts) are one click away, and counted.
 */
export const DeskAlertFilter: AlertFilter = { severities: ["red"], kinds: [...AlertKinds] };

/** Everything: the wall shows every alert (its red takeover must never be filtered away). */
export const AllAlerts: AlertFilter = { severities: [...AlertSeverities], kinds: [...AlertKinds] };

/**
 * The kind of an alert (server/Alerts/AlertRules.cs): a unit's scale alert by the unit's level (the
 * code's deepest non-zero segment; prefectures and provinces count with counties), a site's scale
 * or employment alert, a household's, or a watch region's rule (`watch-{id}`).
 */
export function alertKind(alert: Alert): AlertKind {
  if (alert.subjectKind === "site" || alert.rule === "site-employment") return "site";
  if (alert.subjectKind === "household" || alert.rule === "household-unassisted") return "household";
  if (alert.subjectKind === "region" || alert.rule.startsWith("watch-")) return "region";
  const code = alert.subjectId.padEnd(12, "0");
  if (!code.endsWith("000")) return "scale-village";
  if (!code.endsWith("000000")) return "scale-township";
  return "scale-county";
}

export function alertPasses(filter: AlertFilter, alert: Alert): boolean {
  return filter.severities.includes(alert.severity) && filter.kinds.includes(alertKind(alert));
}

/** The alerts the filter lets through (order kept) and how many it hides. */
export function filterAlerts<T extends Alert>(filter: AlertFilter, open: readonly T[]): { shown: T[]; hidden: number } {
  const shown = open.filter((a) => alertPasses(filter, a));
  return { shown, hidden: open.length - shown.length };
}

/** How many of `open` there are of each kind and severity, for the control's counts. */
export function countAlerts(open: readonly Alert[]): Record<AlertKind | AlertSeverity, number> {
  const counts = Object.fromEntries([...AlertKinds, ...AlertSeverities].map((k) => [k, 0])) as Record<AlertKind | AlertSeverity, number>;
  for (const a of open) {
    counts[alertKind(a)]++;
    counts[a.severity]++;
  }
  return counts;
}

/** The filter with `value` switched on or off. */
export function toggled(filter: AlertFilter, value: AlertKind | AlertSeverity, on: boolean): AlertFilter {
  const isSeverity = (AlertSeverities as readonly string[]).includes(value);
  const pick = <V extends string>(all: readonly V[], held: V[]): V[] => all.filter((v) => (v === value ? on : held.includes(v)));
  return isSeverity
    ? { severities: pick(AlertSeverities, filter.severities), kinds: [...filter.kinds] }
    : { severities: [...filter.severities], kinds: pick(AlertKinds, filter.kinds) };
}

/** A stored filter read back; anything unreadable or unknown gives the default (values it does not know are dropped). */
export function parseAlertFilter(text: string | null, fallback: AlertFilter = DeskAlertFilter): AlertFilter {
  if (!text) return fallback;
  try {
    const raw = JSON.parse(text) as Partial<Record<keyof AlertFilter, unknown>>;
    if (!Array.isArray(raw.severities) || !Array.isArray(raw.kinds)) return fallback;
    return {
      severities: AlertSeverities.filter((s) => (raw.severities as unknown[]).includes(s)),
      kinds: AlertKinds.filter((k) => (raw.kinds as unknown[]).includes(k)),
    };
  } catch {
    return fallback;
  }
}
