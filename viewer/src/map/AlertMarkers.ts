// Open alerts on the map: a marker at each alerted unit's label point, pulsing while a live one
// waits for acknowledgement. Rebuilt from the live store, so a reset or a resolve removes them.
import maplibregl, { type Map as MapLibreMap } from "maplibre-gl";
import type { LiveStore } from "../live/LiveStore";
import { alertMarkers, type AlertMarkerSpec } from "../alerts/alertMarkers";
import { TestIds } from "../testIds";
import { el, testId } from "../dom";
import type { UnitPlaces } from "./UnitPlaces";
import { filterAlerts } from "../alerts/alertFilter";
import type { AlertFilterState } from "../alerts/AlertFilterState";
import type { Alert } from "../live/messages";

/** Markers are DOM nodes: a few hundred at most. */
const MaxMarkers = 150;

export class AlertMarkers {
  private readonly markers = new Map<string, { marker: maplibregl.Marker; spec: AlertMarkerSpec }>();
  private readonly arrivedLive = new Set<number>();

  /** @param filter the desk's filter; without one (the wall) every open alert has its marker. */
  constructor(private readonly map: MapLibreMap, private readonly store: LiveStore, private readonly places: UnitPlaces,
    private readonly filter?: AlertFilterState) {}

  attach(): void {
    this.filter?.onChange(() => this.update());
    this.store.on("reset", () => this.update());
    this.store.on("alert", ({ alert }) => {
      this.arrivedLive.add(alert.alertId);
      this.update();
    });
    this.update();
  }

  private update(): void {
    const specs = alertMarkers(this.shown(), this.arrivedLive, MaxMarkers);
    const keep = new Set(specs.map((s) => s.unitCode));
    for (const [code, { marker }] of this.markers) {
      if (!keep.has(code)) {
        marker.remove();
        this.markers.delete(code);
      }
    }
    for (const spec of specs) {
      const shown = this.markers.get(spec.unitCode);
      if (shown) {
        shown.spec = spec;
        style(shown.marker.getElement(), spec);
      } else {
        void this.add(spec);
      }
    }
  }

  private async add(spec: AlertMarkerSpec): Promise<void> {
    const place = await this.places.get(spec.unitCode);
    const point = place?.labelPoint;
    if (!point || this.markers.has(spec.unitCode)) return;
    // Still wanted? The alert may have been resolved while its place was fetched.
    const current = alertMarkers(this.shown(), this.arrivedLive, MaxMarkers).find((s) => s.unitCode === spec.unitCode);
    if (!current) return;
    const node = alertMarkerElement(current, TestIds.alertMarker);
    const marker = new maplibregl.Marker({ element: node, offset: [0, -18] }).setLngLat(point).addTo(this.map);
    this.markers.set(spec.unitCode, { marker, spec: current });
  }

  private shown(): Alert[] {
    const open = this.store.openAlerts();
    return this.filter ? filterAlerts(this.filter.get(), open).shown : open;
  }
}

/** A marker's element: a dot in the alert's colour, a ring that pulses while it waits (`data-code`: the unit). */
export function alertMarkerElement(spec: AlertMarkerSpec, id: string): HTMLElement {
  const node = testId(el("div", "alert-marker"), id);
  node.dataset.code = spec.unitCode;
  node.append(el("span", "alert-marker-ring"), el("span", "alert-marker-dot"));
  style(node, spec);
  return node;
}

function style(node: HTMLElement, spec: AlertMarkerSpec): void {
  node.classList.toggle("severity-red", spec.severity === "red");
  node.classList.toggle("severity-yellow", spec.severity === "yellow");
  node.classList.toggle("pulse", spec.pulse);
}
