// What both screens (desk and wall) share: the scope, the live store and connection, the map.
import type { I18n } from "./i18n/i18n";
import type { LiveStore } from "./live/LiveStore";
import type { LiveConnection } from "./live/LiveConnection";
import type { MapReadiness } from "./map/MapReadiness";
import type { RiskMap } from "./map/createMap";
import type { Unit } from "./types";
import type { ViewerOptions } from "./viewerOptions";
import { LiveMapUpdates } from "./map/LiveMapUpdates";
import { AlertMarkers } from "./map/AlertMarkers";
import { UnitLabels } from "./map/UnitLabels";
import { UnitPlaces } from "./map/UnitPlaces";

export interface ScreenContext {
  container: HTMLElement;
  readiness: MapReadiness;
  i18n: I18n;
  options: ViewerOptions;
  scope: Unit;
  store: LiveStore;
  connection: LiveConnection;
}

/** The map's live parts: recolouring and tile refreshes, alert markers, unit names; returns where units are. */
export function attachLiveMap({ map, sources }: RiskMap, store: LiveStore): UnitPlaces {
  const places = new UnitPlaces();
  new LiveMapUpdates(map, store, sources).attach();
  new AlertMarkers(map, store, places).attach();
  new UnitLabels(map).attach();
  return places;
}
