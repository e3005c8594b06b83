// Always visible: whether the screen is live, and the time of the data it shows. While live the
// time runs with the clock (the hub delivers every change within a tick); after a drop it stops
// at the moment the data was last known current and says so, until the screen has caught up.
import type { LiveConnection } from "../live/LiveConnection";
import { dataTime, type ConnectionState } from "../live/connectionState";
import type { I18n } from "../i18n/i18n";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";

export class ConnectionBadge {
  readonly element = el("div", "connection");
  private readonly pill = testId(el("span", "connection-state"), TestIds.connectionState);
  private readonly asOf = testId(el("span", "connection-asof"), TestIds.dataAsOf);
  private state: ConnectionState;

  constructor(connection: LiveConnection, private readonly i18n: I18n) {
    this.element.append(this.pill, this.asOf);
    this.state = connection.current;
    connection.onState((s) => {
      this.state = s;
      this.render();
    });
    i18n.onChange(() => this.render());
    setInterval(() => this.render(), 1000);
  }

  private render(): void {
    const { t } = this.i18n;
    const s = this.state;
    const at = dataTime(s, Date.now());
    const shownAt = at === null ? "—" : this.i18n.time(at);
    this.pill.dataset.state = s.phase;
    this.pill.textContent =
      s.phase === "live" ? t("connLive") : s.phase === "connecting" ? t("connConnecting") : t("connOffline", { time: shownAt });
    this.asOf.textContent = at === null ? "" : t("dataAsOf", { time: this.i18n.time(at, true) });
  }
}
