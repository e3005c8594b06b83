// What the screens (desk, planner, wall) share: the scope, the live store and connection, the map.
import { RulesControl } from "./rules/RulesControl";
import maplibregl, { type PaddingOptions } from "maplibre-gl";
import type { I18n } from "./i18n/i18n";
import type { LiveStore } from "./live/LiveStore";
import type { LiveConnection } from "./live/LiveConnection";
import type { MapReadiness } from "./map/MapReadiness";
import { createMap, type RiskMap } from "./map/createMap";
import type { Unit } from "./types";
import type { ViewerOptions } from "./viewerOptions";
import { LiveMapUpdates } from "./map/LiveMapUpdates";
import { AlertMarkers } from "./map/AlertMarkers";
import { UnitLabels } from "./map/UnitLabels";
import { UnitPlaces } from "./map/UnitPlaces";
import { LegendControl } from "./controls/LegendControl";
import { HeatToggle } from "./controls/HeatToggle";
import { NoticeControl } from "./controls/NoticeControl";
import { LanguageSwitch } from "./controls/LanguageSwitch";
import { ConnectionBadge } from "./controls/ConnectionBadge";
import { AlertTicker } from "./alerts/AlertTicker";
import { AlertFilterControl } from "./alerts/AlertFilterControl";
import { AlertFilterState } from "./alerts/AlertFilterState";
import { DeskAlertFilter } from "./alerts/alertFilter";
import { Themes } from "./layers/palette";
import { el } from "./dom";

export interface ScreenContext {
  container: HTMLElement;
  readiness: MapReadiness;
  i18n: I18n;
  options: ViewerOptions;
  scope: Unit;
  store: LiveStore;
  connection: LiveConnection;
}

/** The map's live parts: where units are, and the recolouring (which a replay holds). */
export interface LiveMap {
  places: UnitPlaces;
  updates: LiveMapUpdates;
}

/** A desk or planner map with its live parts. */
export type DeskMap = RiskMap & { live: LiveMap };

/** The map's live parts: recolouring and tile refreshes, alert markers, unit names. */
export function attachLiveMap({ map, sources }: RiskMap, store: LiveStore, filter?: AlertFilterState): LiveMap {
  const places = new UnitPlaces();
  const updates = new LiveMapUpdates(map, store, sources);
  updates.attach();
  new AlertMarkers(map, store, places, filter).attach();
  new UnitLabels(map).attach();
  return { places, updates };
}

/** The desk's light, interactive map with its controls, live parts and status bar (desk and planner modes). */
export async function startDeskMap(ctx: ScreenContext, padding: PaddingOptions): Promise<DeskMap> {
  const { container, i18n, store, connection } = ctx;
  // The desk filters its alerts (remembered); the wall shows them all.
  const filter = new AlertFilterState(DeskAlertFilter, true);
  const bar = el("footer", "status-bar");
  // The alert rules' button shows for administrators only, once the server has said they may read them.
  const rules = new RulesControl(i18n);
  bar.append(new ConnectionBadge(connection, i18n).element, new AlertFilterControl(store, filter, i18n).element, rules.element,
    new AlertTicker(store, i18n, 8, filter).element);
  void rules.attach();
  document.body.append(bar);
  const riskMap = await createMap(container, { theme: Themes.light, scopeBounds: ctx.scope.bbox ?? null, padding, interactive: true });
  const map = riskMap.map;
  ctx.readiness.attach(map);
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-left");
  map.addControl(new maplibregl.ScaleControl({}), "bottom-left");
  map.addControl(new LanguageSwitch(i18n), "top-right");
  const legend = new LegendControl(i18n);
  map.addControl(legend, "top-right");
  map.addControl(new HeatToggle(i18n, () => legend.legend, ctx.options.heat), "top-left");
  map.addControl(new NoticeControl(i18n, riskMap.basemapAttribution), "bottom-right");
  return { ...riskMap, live: attachLiveMap(riskMap, store, filter) };
}
