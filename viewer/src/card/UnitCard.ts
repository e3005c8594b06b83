// The side card for one unit: name, level, zone and figures from /api/units/{code}. Re-renders in
// place when the language switches. While the desk replays a moment, it shows the unit (and its
// children) as they were then, with only the figures history keeps.
import type { HistoryPoint, Unit } from "../types";
import { fetchHistory } from "../api";
import { TestIds } from "../testIds";
import type { I18n } from "../i18n/i18n";
import { LevelKeys, zoneKey } from "../i18n/names";
import { zoneColor, KeyCountyOutline } from "../layers/palette";
import { el, testId } from "../dom";
import { replayCardRows, trendMomentX, trendPath, unitAsOf, unitCardMeta, unitCardRows, unitRiskRows } from "./unitCardRows";
import type { ReplayMoment } from "../replay/replay";
import { figureList } from "./figureList";

type Shown = { kind: "loading"; name: string } | { kind: "error"; message: string } | { kind: "unit"; unit: Unit; children?: Unit[] } | null;

export class UnitCard {
  private onClose: (() => void) | null = null;
  private onChild: ((code: string) => void) | null = null;
  private shown: Shown = null;
  /** The moment the desk replays; null: live. */
  private replay: ReplayMoment | null = null;
  /** The shown unit's statistics history, fetched once per unit shown. */
  private history: { code: string; points: HistoryPoint[] | null; abort: AbortController } | null = null;

  constructor(private readonly element: HTMLElement, private readonly i18n: I18n) {
    i18n.onChange(() => this.render());
  }

  /** Draws the units as they were at a replayed moment, or live again (null). */
  setReplay(moment: ReplayMoment | null): void {
    this.replay = moment;
    this.render();
  }

  /** The unit as the card draws it: as it was at the moment replayed, or as it is. */
  private asShown(unit: Unit): Unit {
    return this.replay ? unitAsOf(unit, this.replay.units.get(unit.code)?.figures ?? null) : unit;
  }

  /** Shows a loading line while the unit's figures are fetched. */
  showLoading(name: string): void {
    this.set({ kind: "loading", name });
  }

  showError(message: string): void {
    this.set({ kind: "error", message });
  }

  show(unit: Unit): void {
    this.set({ kind: "unit", unit });
    if (this.history?.code !== unit.code) this.loadHistory(unit.code);
  }

  private loadHistory(code: string): void {
    this.history?.abort.abort();
    const history = { code, points: null as HistoryPoint[] | null, abort: new AbortController() };
    this.history = history;
    fetchHistory(code, history.abort.signal).then(
      (points) => {
        if (this.history !== history) return;
        history.points = points;
        if (this.shown?.kind === "unit" && this.shown.unit.code === code) this.render();
      },
      () => undefined, // no trend is shown; the figures stand on their own
    );
  }

  /** The shown unit's children, as a list to drill into (ignored when another unit is shown by now). */
  showChildren(code: string, children: Unit[]): void {
    if (this.shown?.kind === "unit" && this.shown.unit.code === code) this.set({ ...this.shown, children });
  }

  /** Called when the user chooses one of the listed children. */
  onChildChosen(handler: (code: string) => void): void {
    this.onChild = handler;
  }

  hide(): void {
    this.history?.abort.abort();
    this.history = null;
    this.shown = null;
    this.element.hidden = true;
    this.element.replaceChildren();
  }

  /** Called when the user closes the card (to clear the map's selection). */
  onClosed(handler: () => void): void {
    this.onClose = handler;
  }

  private set(shown: Shown): void {
    this.shown = shown;
    this.render();
  }

  private render(): void {
    const { t } = this.i18n;
    const shown = this.shown;
    if (!shown) return;
    const close = testId(el("button", "card-close", "×"), TestIds.unitCardClose);
    close.setAttribute("aria-label", t("cardClose"));
    close.addEventListener("click", () => {
      this.hide();
      this.onClose?.();
    });
    const body =
      shown.kind === "loading" ? [el("p", "card-status", t("cardLoading", { name: shown.name }))]
      : shown.kind === "error" ? [el("p", "card-status card-error", t("cardError", { message: shown.message }))]
      : this.unitBody(shown.unit, shown.children);
    this.element.replaceChildren(close, ...body);
    this.element.hidden = false;
  }

  /** A small step chart of the share at II or above since the history begins (none until it is loaded, or with one point). */
  private trend(code: string): HTMLElement | null {
    const points = this.history?.code === code ? this.history.points : null;
    const d = points ? trendPath(points, 260, 48) : null;
    if (!points || !d) return null;
    const { t, dateTime } = this.i18n;
    const svgNs = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("viewBox", "0 0 260 48");
    svg.setAttribute("class", "card-trend-chart");
    svg.setAttribute("preserveAspectRatio", "none");
    const path = document.createElementNS(svgNs, "path");
    path.setAttribute("d", d);
    svg.append(path);
    // While replaying: where the moment shown falls on the trend.
    const x = this.replay ? trendMomentX(points, 260, this.replay.at) : null;
    if (x !== null) {
      const line = document.createElementNS(svgNs, "line");
      for (const [k, v] of [["x1", x], ["x2", x], ["y1", 0], ["y2", 48]] as const) line.setAttribute(k, String(v));
      line.setAttribute("class", "card-trend-moment");
      svg.append(line);
    }
    const figure = testId(el("figure", "card-trend"), TestIds.unitCardTrend);
    figure.append(el("figcaption", "card-trend-title", t("cardTrend")), svg,
      el("p", "card-trend-range", t("cardTrendRange", { from: dateTime(points[0].validFrom), to: dateTime(points[points.length - 1].validFrom) })));
    return figure;
  }

  private unitBody(live: Unit, children?: Unit[]): HTMLElement[] {
    const { t } = this.i18n;
    const unit = this.asShown(live);
    const replay = this.replay;
    const header = el("header", "card-header");
    const title = testId(el("h2", "card-title", unit.name), TestIds.unitCardName);
    const meta = el("p", "card-meta", unitCardMeta(unit, t(LevelKeys[unit.level])));
    const zone = el("span", "card-zone", t(zoneKey(unit.zone)));
    zone.style.background = zoneColor(unit.zone);
    header.append(title, meta, zone);
    if (unit.isKeyCounty) {
      const key = el("span", "card-key", t("keyCounty"));
      key.style.borderColor = KeyCountyOutline;
      header.append(key);
    }
    if (unit.scaleReturn) header.append(el("span", "card-scale", t("cardScaleReturn")));

    const parts: HTMLElement[] = [header];
    if (replay) {
      parts.push(testId(el("p", "card-replay", t("cardReplay", { time: this.i18n.dateTime(replay.at, true) })), TestIds.unitCardReplay),
        figureList(replayCardRows(unit, this.i18n)), el("p", "card-replay-note", t("cardReplayNote")));
    } else parts.push(figureList([...unitCardRows(unit, this.i18n), ...unitRiskRows(unit, this.i18n)]));
    const trend = this.trend(unit.code);
    if (trend) parts.push(trend);
    if (unit.updatedAt && !replay) parts.push(el("p", "card-updated", t("cardUpdated", { time: this.i18n.dateTime(unit.updatedAt) })));
    if (children && children.length > 0) parts.push(this.childList(children));
    return parts;
  }

  /** The units one level down, worst first (share at level II or above), each a button that drills into it. */
  private childList(children: Unit[]): HTMLElement {
    const { t } = this.i18n;
    const level = children[0].level;
    const box = el("section", "card-children");
    box.append(el("h3", "card-children-title", t("cardChildren", { level: t(LevelKeys[level]), count: this.i18n.count(children.length) })));
    const list = el("ol", "card-children-list");
    const worstFirst = children.map((c) => this.asShown(c)).sort((a, b) => b.figures.shareAtLeastTwo - a.figures.shareAtLeastTwo || a.code.localeCompare(b.code));
    for (const child of worstFirst) {
      const button = testId(el("button", "card-child"), TestIds.unitCardChild);
      button.type = "button";
      button.dataset.code = child.code;
      const dot = el("span", "card-child-zone");
      dot.style.background = zoneColor(child.zone);
      button.append(dot, el("span", "card-child-name", child.name), el("span", "card-child-share", this.i18n.share(child.figures.shareAtLeastTwo)));
      button.addEventListener("click", () => this.onChild?.(child.code));
      const li = el("li");
      li.append(button);
      list.append(li);
    }
    box.append(list);
    return box;
  }
}
