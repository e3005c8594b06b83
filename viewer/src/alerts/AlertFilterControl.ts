// The desk's alert filter: a button in the status bar with how many alerts it hides, opening a
// panel of severities and kinds, each with how many open alerts it holds.
import type { LiveStore } from "../live/LiveStore";
import type { I18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import type { AlertFilterState } from "./AlertFilterState";
import { AlertKinds, AlertSeverities, DeskAlertFilter, countAlerts, filterAlerts, toggled, type AlertKind, type AlertSeverity } from "./alertFilter";

const Labels: Record<AlertKind | AlertSeverity, MessageKey> = {
  red: "severityRed",
  yellow: "severityYellow",
  "scale-village": "kindScaleVillage",
  "scale-township": "kindScaleTownship",
  "scale-county": "kindScaleCounty",
  site: "kindSite",
  household: "kindHousehold",
  region: "kindRegion",
};

export class AlertFilterControl {
  readonly element = testId(el("details", "alert-filter"), TestIds.alertFilter);

  constructor(private readonly store: LiveStore, private readonly state: AlertFilterState, private readonly i18n: I18n) {
    store.on("reset", () => this.render());
    store.on("alert", () => this.render());
    state.onChange(() => this.render());
    i18n.onChange(() => this.render());
    // Escape closes the panel and gives the focus back to the button.
    this.element.addEventListener("keydown", (e) => {
      if (e.key !== "Escape" || !this.element.open) return;
      this.element.open = false;
      (this.element.querySelector("summary") as HTMLElement).focus();
    });
    this.render();
  }

  private render(): void {
    const { t } = this.i18n;
    const open = this.store.openAlerts();
    const filter = this.state.get();
    const { hidden } = filterAlerts(filter, open);
    const counts = countAlerts(open);

    const summary = el("summary", "alert-filter-button", t("alertFilter"));
    if (hidden > 0) summary.append(el("span", "alert-filter-hidden", t("alertsHiddenBadge", { count: this.i18n.count(hidden) })));
    const panel = el("div", "alert-filter-panel");
    const option = (value: AlertKind | AlertSeverity, checked: boolean) => {
      const input = testId(el("input"), TestIds.alertFilterOption);
      input.type = "checkbox";
      input.checked = checked;
      input.dataset.value = value;
      input.addEventListener("change", () => this.state.set(toggled(this.state.get(), value, input.checked)));
      const label = el("label", `alert-filter-option option-${value}`);
      label.append(input, el("span", "", t(Labels[value])), el("span", "alert-filter-count", this.i18n.count(counts[value])));
      return label;
    };
    const severities = el("fieldset", "alert-filter-group");
    severities.append(el("legend", "", t("alertFilterSeverity")), ...AlertSeverities.map((s) => option(s, filter.severities.includes(s))));
    const kinds = el("fieldset", "alert-filter-group");
    kinds.append(el("legend", "", t("alertFilterKind")), ...AlertKinds.map((k) => option(k, filter.kinds.includes(k))));
    const reset = el("button", "alert-filter-reset", t("alertFilterReset"));
    reset.type = "button";
    reset.addEventListener("click", () => this.state.set(DeskAlertFilter));
    panel.append(severities, kinds, reset);

    // Keep the panel open and the focus where it was across a re-render (an alert arriving).
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.value;
    this.element.replaceChildren(summary, panel);
    if (focused) (this.element.querySelector(`input[data-value="${focused}"]`) as HTMLElement | null)?.focus();
  }
}
