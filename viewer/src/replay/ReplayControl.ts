// Replay on the desk: a button that opens a bar to take the map back in time. The polygons are
// drawn as every unit's figures were at the moment chosen (GET /api/units/{code}/as-of), by the
// same feature state live figures use, while the live recolouring is held, and with markers at the
// scale alerts open then; resettlement sites are coloured by their share then. The slider spans the
// scope's history and the steps move from one change of the scope's figures to the next. What has no
// history (heat) and the live alert markers are hidden meanwhile; "back to live" restores it all.
// Whoever listens (the unit card) is told each moment shown, with every unit's figures then, and null
// when live again. The moment shown is kept in the address (?asOf=), so a link opens the desk at that
// moment.
import type { IControl, Map as MapLibreMap } from "maplibre-gl";
import { fetchAlertsOpenAt, fetchAsOf, fetchHistory } from "../api";
import type { I18n } from "../i18n/i18n";
import type { LiveMapUpdates } from "../map/LiveMapUpdates";
import type { UnitPlaces } from "../map/UnitPlaces";
import { ReplayMarkers } from "./ReplayMarkers";
import { HeatLayerId } from "../layers/heatLayers";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import { nextStop, previousStop, ReplayKeys, replayMoment, replaySiteStates, replayStates, replayStops, type ReplayMoment } from "./replay";
import { asOfUrl } from "../viewerOptions";

/** Layers that draw only the present: hidden while replaying. */
const PresentOnlyLayers = [HeatLayerId];
/** While the slider is dragged, a request only once it rests this long. */
const SliderRestMs = 150;

export class ReplayControl implements IControl {
  private map: MapLibreMap | null = null;
  private markers: ReplayMarkers | null = null;
  private readonly box = el("div", "maplibregl-ctrl maplibregl-ctrl-group");
  private readonly button = testId(el("button", "replay-button"), TestIds.replayToggle);
  private readonly bar = testId(el("div", "replay-bar"), TestIds.replayBar);
  private readonly back = testId(el("button", "replay-step"), TestIds.replayBack);
  private readonly slider = testId(el("input", "replay-slider"), TestIds.replaySlider) as HTMLInputElement;
  private readonly forward = testId(el("button", "replay-step"), TestIds.replayForward);
  private readonly time = testId(el("span", "replay-time"), TestIds.replayTime);
  private readonly toLive = testId(el("button", "replay-live"), TestIds.replayLive);
  private readonly note = el("span", "replay-note");
  private stopListening: (() => void) | null = null;
  private readonly momentHandlers: ((moment: ReplayMoment | null) => void)[] = [];

  private replaying = false;
  private holding = false;
  private stops: number[] = [];
  /** The moment chosen, and the one whose figures are drawn (they differ while an answer is on its way). */
  private at: number | null = null;
  private shown: number | null = null;
  private error: string | null = null;
  /** Polygons given replay state ("source/id"), to hand back to live figures. */
  private drawn = new Set<string>();
  private readonly hidden = new Map<string, string>();
  private request: AbortController | null = null;
  private sliderTimer: ReturnType<typeof setTimeout> | undefined;

  /** @param initialAt a moment to open in replay at (`?asOf=`); null: live. */
  constructor(private readonly scopeCode: string, private readonly liveMap: LiveMapUpdates, private readonly places: UnitPlaces,
    private readonly i18n: I18n, private readonly initialAt: number | null = null) {}

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    this.markers = new ReplayMarkers(map, this.places);
    this.button.type = "button";
    this.button.addEventListener("click", () => (this.replaying ? this.close() : void this.open()));
    this.box.append(this.button);
    this.slider.type = "range";
    // Any moment: changes may be less than a second apart.
    this.slider.step = "any";
    this.slider.addEventListener("input", () => {
      this.at = Number(this.slider.value);
      this.render();
      clearTimeout(this.sliderTimer);
      this.sliderTimer = setTimeout(() => void this.show(Number(this.slider.value)), SliderRestMs);
    });
    for (const b of [this.back, this.forward, this.toLive]) b.type = "button";
    this.back.addEventListener("click", () => this.step(previousStop));
    this.forward.addEventListener("click", () => this.step(nextStop));
    this.toLive.addEventListener("click", () => this.close());
    this.bar.append(this.back, this.slider, this.forward, this.time, this.toLive, this.note);
    this.stopListening = this.i18n.onChange(() => this.render());
    this.render();
    const initialAt = this.initialAt;
    if (initialAt !== null) {
      const start = () => void this.open(initialAt);
      if (map.isStyleLoaded()) start();
      else map.once("load", start);
    }
    return this.box;
  }

  /** Called with each moment shown and every unit's figures then; with null when live again. */
  onMoment(handler: (moment: ReplayMoment | null) => void): void {
    this.momentHandlers.push(handler);
  }

  onRemove(): void {
    this.close();
    this.stopListening?.();
    this.box.remove();
    this.map = null;
  }

  /** Replay from `at`, or from one change back (the map as it was before the latest change). */
  private async open(at?: number): Promise<void> {
    this.replaying = true;
    this.error = null;
    document.body.append(this.bar);
    this.render();
    try {
      this.stops = replayStops(await fetchHistory(this.scopeCode));
    } catch (e) {
      this.error = this.i18n.t("replayError", { message: e instanceof Error ? e.message : String(e) });
    }
    if (!this.replaying) return;
    if (!this.error && this.stops.length === 0) this.error = this.i18n.t("replayNoHistory");
    if (this.error) return this.render();
    this.liveMap.hold();
    this.holding = true;
    this.hidePresent();
    document.body.classList.add("replaying");
    const now = Date.now();
    const start = at ?? previousStop(this.stops, now) ?? this.stops[0];
    this.slider.min = String(Math.min(this.stops[0], start));
    this.slider.max = String(Math.max(now, this.stops[this.stops.length - 1], start));
    await this.show(start);
  }

  private step(to: (stops: readonly number[], at: number) => number | null): void {
    if (this.at === null) return;
    const next = to(this.stops, this.at);
    if (next !== null) void this.show(next);
  }

  private async show(at: number): Promise<void> {
    if (!this.replaying) return;
    clearTimeout(this.sliderTimer);
    this.at = at;
    this.slider.value = String(at);
    this.request?.abort();
    const request = (this.request = new AbortController());
    this.render();
    try {
      const [answer, alerts] = await Promise.all([
        fetchAsOf(this.scopeCode, at, request.signal), fetchAlertsOpenAt(this.scopeCode, at, request.signal)]);
      const map = this.map;
      if (request.signal.aborted || !this.replaying || !map) return;
      void this.markers?.show(alerts.alerts);
      const states = [...replayStates(answer.units).values(), ...replaySiteStates(answer.sites ?? []).values()];
      for (const { target, state } of states)
        if (map.getSource(target.source)) map.setFeatureState({ source: target.source, sourceLayer: target.source, id: target.id }, state);
      this.drawn = new Set(states.map(({ target }) => `${target.source}/${target.id}`));
      this.shown = at;
      const moment = replayMoment(at, answer.units);
      for (const handler of this.momentHandlers) handler(moment);
      history.replaceState(history.state, "", asOfUrl(window.location.href, at));
      this.error = null;
    } catch (e) {
      if (request.signal.aborted) return;
      this.error = this.i18n.t("replayError", { message: e instanceof Error ? e.message : String(e) });
    }
    this.render();
  }

  /** Back to live: the replay's state removed, the live figures drawn again, the hidden layers shown. */
  private close(): void {
    this.replaying = false;
    this.request?.abort();
    clearTimeout(this.sliderTimer);
    const map = this.map;
    if (map)
      for (const key of this.drawn) {
        const [source, id] = key.split("/");
        if (!map.getSource(source)) continue;
        for (const k of ReplayKeys) map.removeFeatureState({ source, sourceLayer: source, id }, k);
      }
    this.drawn.clear();
    this.markers?.clear();
    if (this.shown !== null) for (const handler of this.momentHandlers) handler(null);
    if (this.holding) this.liveMap.release();
    this.holding = false;
    this.restorePresent();
    document.body.classList.remove("replaying");
    history.replaceState(history.state, "", asOfUrl(window.location.href, null));
    this.bar.remove();
    this.at = this.shown = null;
    this.error = null;
    this.render();
  }

  private hidePresent(): void {
    const map = this.map;
    if (!map) return;
    for (const id of PresentOnlyLayers) {
      if (!map.getLayer(id)) continue;
      this.hidden.set(id, String(map.getLayoutProperty(id, "visibility") ?? "visible"));
      map.setLayoutProperty(id, "visibility", "none");
    }
  }

  private restorePresent(): void {
    const map = this.map;
    for (const [id, visibility] of this.hidden) if (map?.getLayer(id)) map.setLayoutProperty(id, "visibility", visibility);
    this.hidden.clear();
  }

  private render(): void {
    const { t, dateTime } = this.i18n;
    this.button.textContent = t("replay");
    this.button.title = t("replayTitle");
    this.button.setAttribute("aria-pressed", String(this.replaying));
    this.button.classList.toggle("is-on", this.replaying);
    this.back.textContent = t("replayBack");
    this.back.title = t("replayBackTitle");
    this.forward.textContent = t("replayForward");
    this.forward.title = t("replayForwardTitle");
    this.toLive.textContent = t("replayLive");
    this.note.textContent = t("replayNote");
    const at = this.at;
    this.back.disabled = at === null || previousStop(this.stops, at) === null;
    this.forward.disabled = at === null || nextStop(this.stops, at) === null;
    this.slider.disabled = at === null;
    const loading = at !== null && this.shown !== at;
    if (at !== null && !loading) this.bar.dataset.at = new Date(at).toISOString();
    else delete this.bar.dataset.at;
    this.time.textContent = this.error ?? (at === null ? t("replayLoading") : `${t("replayAt", { time: dateTime(at, true) })}${loading ? ` · ${t("replayLoading")}` : ""}`);
    this.time.classList.toggle("is-error", this.error !== null);
  }
}
