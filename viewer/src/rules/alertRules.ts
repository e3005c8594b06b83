// The alert rules an administrator edits on the desk (GET/PATCH /api/admin/alert-rules, docs/api.md):
// the fields in the order the panel shows them, a change built from only what was edited, and the
// problem's errors by field. Pure.
import type { MessageKey } from "../i18n/messages";

export type ShareLevel = "village" | "township" | "county" | "prefecture" | "province" | "site";

export interface AlertRules {
  pendingPeriod: string;
  escalateAfter: string;
  minimumHouseholds: number;
  scaleClear: Record<ShareLevel, string>;
  employmentFloor: string;
  employmentClear: string;
  minimumLabour: number;
  householdAlerts: boolean;
}

export interface AlertRulesView {
  version: number;
  source: "configuration" | "administrator";
  changedAt: string | null;
  changedBy: string | null;
  comment: string | null;
  rules: AlertRules;
  raiseThresholds: Record<ShareLevel, string>;
  problem: string | null;
}

export interface AlertRuleChange {
  version: number;
  at: string;
  actor: string;
  comment: string;
  rules: AlertRules;
  transitions: number;
}

export interface AlertRulesChanged {
  inForce: AlertRulesView;
  effect: { raised: number; resolved: number; pending: number; other: number };
}

/** One editable rule: its field as the API names it ("scaleClear.village"), its label and how it is written. */
export interface RuleField {
  field: string;
  label: MessageKey;
  kind: "count" | "period" | "share" | "switch";
}

export const ShareLevels: readonly ShareLevel[] = ["village", "township", "county", "prefecture", "province", "site"];

const LevelLabels: Record<ShareLevel, MessageKey> = {
  village: "rulesClearVillage", township: "rulesClearTownship", county: "rulesClearCounty",
  prefecture: "rulesClearPrefecture", province: "rulesClearProvince", site: "rulesClearSite",
};

export const RuleFields: readonly RuleField[] = [
  { field: "minimumHouseholds", label: "rulesMinimumHouseholds", kind: "count" },
  ...ShareLevels.map((level): RuleField => ({ field: `scaleClear.${level}`, label: LevelLabels[level], kind: "share" })),
  { field: "pendingPeriod", label: "rulesPendingPeriod", kind: "period" },
  { field: "escalateAfter", label: "rulesEscalateAfter", kind: "period" },
  { field: "employmentFloor", label: "rulesEmploymentFloor", kind: "share" },
  { field: "employmentClear", label: "rulesEmploymentClear", kind: "share" },
  { field: "minimumLabour", label: "rulesMinimumLabour", kind: "count" },
  { field: "householdAlerts", label: "rulesHouseholdAlerts", kind: "switch" },
];

/** A rule's value as the form shows it. */
export function fieldValue(rules: AlertRules, field: string): string | boolean {
  if (field.startsWith("scaleClear.")) return rules.scaleClear[field.slice("scaleClear.".length) as ShareLevel];
  const value = rules[field as keyof Omit<AlertRules, "scaleClear">];
  return typeof value === "number" ? String(value) : value;
}

/**
 * The PATCH body for what the form holds: only the rules whose value differs from those in force,
 * the comment, and the version the form was filled from (null body when nothing was edited); and the
 * count fields that are not whole numbers (the form says so itself: the API takes only numbers there).
 */
export function changeBody(view: AlertRulesView, values: ReadonlyMap<string, string | boolean>, comment: string): { body: Record<string, unknown> | null; notWhole: string[] } {
  const body: Record<string, unknown> = {};
  const clear: Record<string, string> = {};
  const notWhole: string[] = [];
  for (const { field, kind } of RuleFields) {
    const value = values.get(field);
    if (value === undefined) continue;
    const edited = typeof value === "string" ? value.trim() : value;
    if (edited === fieldValue(view.rules, field)) continue;
    if (field.startsWith("scaleClear.")) clear[field.slice("scaleClear.".length)] = String(edited);
    else if (kind !== "count") body[field] = edited;
    else if (/^\d{1,9}$/.test(String(edited))) body[field] = Number(edited);
    else notWhole.push(field);
  }
  if (Object.keys(clear).length > 0) body.scaleClear = clear;
  return { body: Object.keys(body).length === 0 ? null : { ...body, comment: comment.trim(), version: view.version }, notWhole };
}

/** The problem's errors by field (the API's `errors`, else its one `field`); the rest under "". */
export function errorsByField(problem: { field?: string; detail?: string; title?: string; errors?: { field: string; detail: string }[] }): Map<string, string> {
  const errors = new Map<string, string>();
  for (const e of problem.errors ?? []) errors.set(e.field, errors.has(e.field) ? `${errors.get(e.field)}; ${e.detail}` : e.detail);
  if (errors.size === 0) errors.set(problem.field ?? "", problem.detail ?? problem.title ?? "");
  return errors;
}
