// The scope's trends (uPlot, bundled: nothing from a CDN): share at level II or above, and the
// households at II and III, from /api/units/{code}/history with the live figures appended.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { fetchHistory } from "../api";
import type { LiveStore } from "../live/LiveStore";
import type { HistoryPoint } from "../types";
import { TimeZone, type I18n } from "../i18n/i18n";
import { LevelColors } from "../layers/palette";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { appendLive, trendSeries } from "./history";

const Axis = "#9fb3c8";
const Grid = "rgba(159, 179, 200, 0.18)";
const MinSpanSeconds = 3600;

/** Axis labels with repeats blanked (several ticks in one minute or day read as one). */
function distinct(labels: string[]): string[] {
  return labels.map((l, i) => (i > 0 && labels[i - 1] === l ? "" : l));
}

export class TrendChart {
  readonly element = testId(el("section", "trends"), TestIds.trendChart);
  private points: HistoryPoint[] = [];
  private charts: uPlot[] = [];

  constructor(private readonly code: string, store: LiveStore, private readonly i18n: I18n) {
    store.on("stats", (s) => {
      if (s.kind !== "unit" || s.id !== code) return;
      this.points = appendLive(this.points, s);
      this.render();
    });
    store.on("reset", () => void this.load());
    i18n.onChange(() => this.render());
    new ResizeObserver(() => this.render()).observe(this.element);
  }

  async load(): Promise<void> {
    try {
      this.points = await fetchHistory(this.code);
      this.render();
    } catch {
      // keep what is drawn; the next live figures extend it
    }
  }

  private render(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
    const { t } = this.i18n;
    if (this.points.length === 0) {
      this.element.replaceChildren(el("p", "trend-empty", t("trendEmpty")));
      return;
    }
    const s = trendSeries(this.points, Date.now());
    const shareBox = el("div", "trend");
    const levelBox = el("div", "trend");
    this.element.replaceChildren(shareBox, levelBox);
    const width = Math.max(this.element.clientWidth, 200);
    const height = Math.max(Math.floor(this.element.clientHeight / 2) - 8, 80);
    this.charts.push(
      this.chart(shareBox, t("trendShare"), [s.x, s.share], [{ label: t("level2"), stroke: LevelColors[2] }], width, height,
        (v) => this.i18n.share(v), [0, Math.max(0.1, ...s.share) * 1.15]),
      this.chart(levelBox, t("trendLevels"), [s.x, s.level2, s.level3],
        [{ label: t("level2"), stroke: LevelColors[2] }, { label: t("level3"), stroke: LevelColors[3] }], width, height,
        (v) => this.i18n.count(v), [0, Math.max(10, ...s.level2, ...s.level3) * 1.15]),
    );
  }

  private chart(
    box: HTMLElement, title: string, data: number[][], series: { label: string; stroke: string }[],
    width: number, height: number, formatValue: (v: number) => string, yRange: [number, number],
  ): uPlot {
    box.append(el("div", "trend-title", title));
    // At least the last hour, so a fresh history does not stretch a minute across the chart.
    const last = data[0][data[0].length - 1];
    const first = Math.min(data[0][0], last - MinSpanSeconds);
    const formatX = (v: number) => (last - first > 2 * 86400 ? this.i18n.day(v * 1000) : this.i18n.time(v * 1000));
    const fontPx = Math.round(Math.max(12, height / 11));
    const font = `${fontPx}px "Noto Sans CJK SC", sans-serif`;
    return new uPlot({
      width,
      height: height - fontPx * 2,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), TimeZone),
      legend: { show: false },
      cursor: { show: false },
      // Fixed from zero: a flat series must not read as a steep one.
      scales: { x: { time: true, range: () => [first, last] }, y: { range: () => yRange } },
      axes: [
        { stroke: Axis, grid: { stroke: Grid }, ticks: { stroke: Grid }, font, values: (_u, splits) => distinct(splits.map(formatX)) },
        { stroke: Axis, grid: { stroke: Grid }, ticks: { stroke: Grid }, font, size: fontPx * 5, values: (_u, splits) => splits.map(formatValue) },
      ],
      series: [{}, ...series.map((x) => ({ label: x.label, stroke: x.stroke, width: 3, points: { show: data[0].length < 30 } }))],
    }, data as uPlot.AlignedData, box);
  }
}
