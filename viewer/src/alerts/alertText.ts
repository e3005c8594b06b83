// How an alert reads on a screen: where, what, how bad. Pure. Household alerts name their
// village, never the household (domain.md § Privacy: screens on walls are seen by many).
import type { Alert } from "../live/messages";
import type { I18n } from "../i18n/i18n";
import { RuleKeys, StateKeys } from "../i18n/names";

/** The place: the unit or site named by the alert, or a household's village. */
export function alertPlace(alert: Alert): string {
  if (alert.subjectKind === "household") return alert.unitName ?? alert.unitCode;
  return alert.subjectName ?? alert.unitName ?? alert.subjectId;
}

export function alertRule(alert: Alert, i18n: I18n): string {
  const key = RuleKeys[alert.rule];
  return key ? i18n.t(key) : alert.rule;
}

/** The measured value against its threshold, in the rule's terms. */
export function alertDetail(alert: Alert, i18n: I18n): string {
  const metric = i18n.share(alert.metric);
  const threshold = i18n.share(alert.threshold);
  switch (alert.rule) {
    case "scale":
      return i18n.t("alertScaleDetail", { metric, threshold });
    case "site-employment":
      return i18n.t("alertEmploymentDetail", { metric, threshold });
    case "household-unassisted":
      return i18n.t("alertHouseholdDetail");
    default:
      return metric;
  }
}

export function alertState(alert: Alert, i18n: I18n): string {
  const key = StateKeys[alert.state];
  return key ? i18n.t(key) : alert.state;
}

/** When it became visible (raised), else when it opened. */
export function alertTime(alert: Alert): string {
  return alert.raisedAt ?? alert.openedAt;
}
