// The alert rules on the desk, for administrators: a button in the status bar opening a panel with
// the rules in force (who changed them, when and why), a form to change them with a comment, the
// errors beside the fields they are about, what a change did at once, and the last changes. Shown
// only to those the server lets read the rules.
import type { I18n } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { changeAlertRules, fetchAlertRuleChanges, fetchAlertRules } from "../api";
import { RuleFields, changeBody, errorsByField, fieldValue, type AlertRuleChange, type AlertRulesView, type ShareLevel } from "./alertRules";

const RecentChanges = 5;

export class RulesControl {
  readonly element = testId(el("details", "alert-filter rules-control"), TestIds.rules);
  private view: AlertRulesView | null = null;
  private changes: AlertRuleChange[] = [];
  private readonly values = new Map<string, string | boolean>();
  private comment = "";
  private errors = new Map<string, string>();
  private status = "";
  private saving = false;

  constructor(private readonly i18n: I18n) {
    this.element.hidden = true;
    i18n.onChange(() => this.render());
    this.element.addEventListener("toggle", () => {
      if (this.element.open) void this.load();
    });
    this.element.addEventListener("keydown", (e) => {
      if (e.key !== "Escape" || !this.element.open) return;
      this.element.open = false;
      (this.element.querySelector("summary") as HTMLElement).focus();
    });
  }

  /** Shows the button when the signed-in account may read the rules (an administrator). */
  async attach(): Promise<void> {
    try {
      this.view = await fetchAlertRules();
    } catch {
      this.view = null;
    }
    this.element.hidden = this.view === null;
    this.render();
  }

  private async load(): Promise<void> {
    try {
      const [view, changes] = await Promise.all([fetchAlertRules(), fetchAlertRuleChanges(RecentChanges)]);
      if (!view) return;
      // What was typed stays while the rules it was typed over are still those in force (the panel
      // re-reads them as it opens); a new version, saved here or elsewhere, starts the form afresh.
      if (view.version !== this.view?.version) this.values.clear();
      this.view = view;
      this.changes = changes;
      this.errors.clear();
    } catch (e) {
      this.status = e instanceof Error ? e.message : String(e);
    }
    this.render();
  }

  private async save(): Promise<void> {
    const view = this.view;
    if (!view || this.saving) return;
    const { t } = this.i18n;
    const { body, notWhole } = changeBody(view, this.values, this.comment);
    this.errors = new Map(notWhole.map((f) => [f, t("rulesWholeNumber")]));
    if (!this.comment.trim() && body) this.errors.set("comment", t("rulesCommentRequired"));
    if (this.errors.size > 0 || !body) {
      this.status = body || notWhole.length > 0 ? "" : t("rulesNothingChanged");
      return this.render();
    }
    this.saving = true;
    this.status = t("rulesSaving");
    this.render();
    const answer = await changeAlertRules(body);
    this.saving = false;
    if ("ok" in answer) {
      const { inForce, effect } = answer.ok;
      this.comment = "";
      await this.load();
      this.status = t("rulesSaved", { version: String(inForce.version), raised: String(effect.raised), resolved: String(effect.resolved), pending: String(effect.pending) });
    } else {
      const p = answer.problem;
      // Changed meanwhile by someone else: the form shows their rules now, to change again.
      if (p.status === 409) await this.load();
      this.errors = p.status === 400 ? errorsByField(p) : new Map();
      this.status = p.status === 409 ? t("rulesStale") : p.status === 400 ? t("rulesInvalid") : [p.title, p.detail].filter(Boolean).join(": ");
    }
    this.render();
  }

  private render(): void {
    const { t, dateTime } = this.i18n;
    const summary = el("summary", "alert-filter-button", t("rules"));
    const view = this.view;
    if (!view) return void this.element.replaceChildren(summary);
    const panel = el("div", "alert-filter-panel rules-panel");
    panel.append(el("p", "rules-source", view.version === 0 ? t("rulesFromConfiguration")
      : t("rulesChanged", { version: String(view.version), by: view.changedBy ?? "", time: view.changedAt ? dateTime(view.changedAt) : "", comment: view.comment ?? "" })));
    if (view.problem) panel.append(el("p", "rules-error", view.problem));
    const form = el("div", "rules-form");
    for (const { field, label, kind } of RuleFields) {
      const id = `rule-${field.replace(".", "-")}`;
      const shown = this.values.get(field) ?? fieldValue(view.rules, field);
      const caption = el("label", "rules-label", t(label));
      caption.htmlFor = id;
      const input = el("input", "rules-input") as HTMLInputElement;
      input.id = id;
      input.dataset.field = field;
      if (kind === "switch") {
        input.type = "checkbox";
        input.checked = shown === true;
        input.addEventListener("change", () => this.values.set(field, input.checked));
      } else {
        input.type = "text";
        input.value = String(shown);
        input.addEventListener("input", () => this.values.set(field, input.value));
      }
      const raise = field.startsWith("scaleClear.") ? view.raiseThresholds[field.slice("scaleClear.".length) as ShareLevel] : null;
      const hint = el("span", "rules-hint", raise ? t("rulesRaiseAbove", { share: raise }) : kind === "period" ? t("rulesPeriodHint") : "");
      form.append(caption, input, hint);
      const error = this.errors.get(field);
      if (error) form.append(testId(el("p", "rules-error rules-field-error", error), TestIds.rulesError));
      if (error) form.lastElementChild!.setAttribute("data-field", field);
    }
    const comment = el("input", "rules-comment") as HTMLInputElement;
    comment.type = "text";
    comment.placeholder = t("rulesCommentPlaceholder");
    comment.value = this.comment;
    comment.dataset.field = "comment";
    comment.addEventListener("input", () => (this.comment = comment.value));
    const save = testId(el("button", "rules-save", t("rulesSave")), TestIds.rulesSave) as HTMLButtonElement;
    save.type = "button";
    save.disabled = this.saving;
    save.addEventListener("click", () => void this.save());
    panel.append(form, comment);
    const commentError = this.errors.get("comment") ?? this.errors.get("");
    if (commentError) panel.append(testId(el("p", "rules-error", commentError), TestIds.rulesError));
    panel.append(save, testId(el("p", "rules-status", this.status), TestIds.rulesStatus));
    if (this.changes.length > 0) {
      const list = el("ol", "rules-changes");
      for (const c of this.changes)
        list.append(el("li", "", t("rulesChangeLine", { version: String(c.version), time: dateTime(c.at), by: c.actor, comment: c.comment, transitions: String(c.transitions) })));
      panel.append(el("h3", "rules-changes-title", t("rulesRecent")), list);
    }
    this.element.replaceChildren(summary, panel);
  }
}
