// The wall's playlist: province → worst counties → worst townships, one stop per interval, planned
// again from fresh figures at the start of each round. Paused while the screen is not live (an
// offline wall keeps what it shows instead of flying to places whose tiles cannot load) and while
// a red alert holds the map on its place.
import type { Map as MapLibreMap } from "maplibre-gl";
import { fetchChildren } from "../api";
import type { Unit } from "../types";
import type { I18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { planTour, worstFirst, type StopKind, type TourStop } from "./tourPlan";

const KindKeys: Record<StopKind, MessageKey> = { scope: "tourScope", county: "tourCounty", township: "tourTownship" };

export class WallTour {
  readonly element = testId(el("div", "tour-caption"), TestIds.tourCaption);
  private stops: TourStop[] = [];
  private index = -1;
  private live = false;
  private held = false;

  constructor(
    private readonly map: MapLibreMap, private readonly scope: () => Unit, private readonly i18n: I18n, private readonly seconds: number,
  ) {
    i18n.onChange(() => this.render());
  }

  start(): void {
    if (this.seconds <= 0) return;
    void this.step();
    setInterval(() => void this.step(), this.seconds * 1000);
  }

  setLive(live: boolean): void {
    this.live = live;
    this.render();
  }

  /**
   * Shows `bbox` (a red alert's place) with `topPadding` pixels kept free above it, and holds the
   * tour there until called with null.
   */
  hold(bbox: [number, number, number, number] | null, topPadding = 0): void {
    const wasHeld = this.held;
    this.held = bbox !== null;
    if (bbox) this.map.fitBounds(bbox, { padding: { top: topPadding + 40, bottom: 40, left: 40, right: 40 }, maxZoom: 13, duration: 2500, essential: true });
    // Without a tour to move on, go back to the whole scope.
    else if (wasHeld && this.seconds <= 0 && this.scope().bbox) this.map.fitBounds(this.scope().bbox!, { padding: 40, duration: 2500 });
    this.render();
  }

  private async step(): Promise<void> {
    if (this.held || (!this.live && this.index >= 0)) return;
    if (this.index + 1 >= this.stops.length) {
      this.stops = await this.plan().catch(() => this.stops);
      this.index = -1;
    }
    if (this.stops.length === 0) return;
    this.index = (this.index + 1) % this.stops.length;
    const stop = this.stops[this.index];
    this.map.fitBounds(stop.bbox, { padding: 60, duration: 2500, essential: true });
    this.render();
  }

  /** The scope, its worst counties (from its children, or its prefectures' children) and their worst townships. */
  private async plan(): Promise<TourStop[]> {
    const scope = this.scope();
    const counties = await unitsAt("county", scope);
    const worst = worstFirst(counties).slice(0, 3);
    const townships = (await Promise.all(worst.map((c) => fetchChildren(c.code)))).flat();
    return planTour(scope, counties, townships);
  }

  private render(): void {
    const stop = this.stops[this.index];
    this.element.hidden = this.held || this.seconds <= 0;
    if (!stop) return;
    const { t } = this.i18n;
    this.element.textContent = this.live
      ? t("tourCaption", { index: this.index + 1, total: this.stops.length, kind: t(KindKeys[stop.kind]), name: stop.name })
      : t("tourPaused");
  }
}

/** The units of `level` under `unit`: the unit itself at that level, else its children's, down the tree. */
async function unitsAt(level: "county", unit: Unit): Promise<Unit[]> {
  if (unit.level === level) return [unit];
  if (unit.level !== "province" && unit.level !== "prefecture") return [];
  const children = await fetchChildren(unit.code);
  if (children.every((c) => c.level === level)) return children;
  return (await Promise.all(children.map((c) => unitsAt(level, c)))).flat();
}
