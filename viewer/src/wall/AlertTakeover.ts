// A new red alert takes over part of the wall until someone acknowledges it (anywhere) or it is
// resolved: the hub's AlertUpdated / AlertResolved dismiss it. Several wait in a queue, newest shown.
import type { LiveStore } from "../live/LiveStore";
import type { Alert } from "../live/messages";
import type { I18n } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { alertDetail, alertPlace, alertRule, alertTime } from "../alerts/alertText";
import { keepStillRaised, nextTakeovers } from "./takeoverQueue";

export class AlertTakeover {
  readonly element = testId(el("section", "takeover"), TestIds.alertTakeover);
  private queue: Alert[] = [];
  private shownId: number | null = null;
  private readonly listeners = new Set<(alert: Alert | null) => void>();

  constructor(store: LiveStore, private readonly i18n: I18n) {
    store.on("alert", ({ alert }) => {
      this.queue = nextTakeovers(this.queue, alert);
      this.render();
    });
    store.on("reset", () => {
      this.queue = keepStillRaised(this.queue, (id) => store.alert(id));
      this.render();
    });
    i18n.onChange(() => this.render());
    this.render();
  }

  /** Calls `listener` with the alert taking over, or null when none does, each time that changes. */
  onShown(listener: (alert: Alert | null) => void): void {
    this.listeners.add(listener);
  }

  private render(): void {
    const alert = this.queue[0];
    const id = alert?.alertId ?? null;
    if (id !== this.shownId) {
      this.shownId = id;
      for (const l of [...this.listeners]) l(alert ?? null);
    }
    this.element.hidden = !alert;
    if (!alert) {
      this.element.replaceChildren();
      return;
    }
    const { t } = this.i18n;
    this.element.dataset.alertId = String(alert.alertId);
    const parts: HTMLElement[] = [
      el("div", "takeover-title", t("takeoverTitle")),
      el("div", "takeover-place", alertPlace(alert)),
      el("div", "takeover-rule", `${alertRule(alert, this.i18n)} · ${alertDetail(alert, this.i18n)}`),
    ];
    const meta = [t("takeoverRaisedAt", { time: this.i18n.time(alertTime(alert)) })];
    if (alert.households != null) meta.push(t("takeoverHouseholds", { count: this.i18n.count(alert.households) }));
    if (alert.escalatedToName) meta.push(t("escalatedTo", { unit: alert.escalatedToName }));
    parts.push(el("div", "takeover-meta", meta.join(" · ")));
    if (this.queue.length > 1) parts.push(el("div", "takeover-queue", t("takeoverQueue", { count: this.i18n.count(this.queue.length - 1) })));
    this.element.replaceChildren(...parts);
  }
}
