// The live alert ticker: the open alerts under the screen's scope, red first, newest first (see
// tickerEntries); one that just arrived is marked new for a while. Fed by the live store, so it
// shows what the hub delivered.
import type { LiveStore } from "../live/LiveStore";
import type { I18n } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { alertDetail, alertPlace, alertRule, alertState, alertTime } from "./alertText";
import { tickerEntries, type TickerEntry } from "./tickerEntries";
import { filterAlerts } from "./alertFilter";
import type { AlertFilterState } from "./AlertFilterState";

/** How long an arrived alert stays marked new. */
const NewForMs = 60_000;

export class AlertTicker {
  readonly element = testId(el("section", "ticker"), TestIds.alertTicker);
  private readonly arrived = new Map<number, number>();

  /** @param filter the desk's filter; without one (the wall) every open alert is listed. */
  constructor(private readonly store: LiveStore, private readonly i18n: I18n, private readonly maxItems: number, private readonly filter?: AlertFilterState) {
    filter?.onChange(() => this.render());
    store.on("reset", () => this.render());
    store.on("alert", ({ alert, previous }) => {
      if (!previous || previous.state !== alert.state) this.arrived.set(alert.alertId, Date.now());
      this.render();
    });
    i18n.onChange(() => this.render());
    this.render();
  }

  private render(): void {
    const { t } = this.i18n;
    const all = this.store.openAlerts();
    const { shown: open, hidden } = this.filter ? filterAlerts(this.filter.get(), all) : { shown: all, hidden: 0 };
    const entries = tickerEntries(open);
    const title = el("h2", "ticker-title", `${t("alerts")} · ${this.i18n.count(open.length)}`);
    // Hidden alerts are counted beside the title: a filter never loses one silently.
    if (hidden > 0) title.append(testId(el("span", "ticker-hidden", t("alertsHidden", { count: this.i18n.count(hidden) })), TestIds.alertHiddenCount));
    const list = el("ol", "ticker-list");
    if (entries.length === 0) list.append(el("li", "ticker-empty", t(hidden > 0 ? "alertsAllHidden" : "alertsNone")));
    for (const entry of entries.slice(0, this.maxItems)) list.append(this.item(entry));
    if (entries.length > this.maxItems) list.append(el("li", "ticker-more", t("alertsMore", { count: this.i18n.count(entries.length - this.maxItems) })));
    this.element.replaceChildren(title, list);
  }

  private item({ alert, count }: TickerEntry): HTMLElement {
    const li = testId(el("li", `ticker-item severity-${alert.severity} state-${alert.state}`), TestIds.alertTickerItem);
    li.dataset.alertId = String(alert.alertId);
    const at = this.arrived.get(alert.alertId);
    if (at !== undefined && Date.now() - at < NewForMs) li.classList.add("is-new");
    li.append(
      el("span", "ticker-dot"),
      el("time", "ticker-time", this.i18n.time(alertTime(alert))),
      el("strong", "ticker-place", alertPlace(alert)),
      el("span", "ticker-rule", count > 1 ? `${alertRule(alert, this.i18n)} × ${this.i18n.count(count)}` : alertRule(alert, this.i18n)),
      el("span", "ticker-detail", alertDetail(alert, this.i18n)),
    );
    if (alert.state !== "raised") li.append(el("span", "ticker-state", alertState(alert, this.i18n)));
    return li;
  }
}
