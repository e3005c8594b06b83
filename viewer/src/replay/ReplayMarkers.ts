// The alert markers of a replayed moment: one at each unit with a scale alert open then (raised by
// then, not yet resolved; GET /api/alerts?openAt=), still, in the alert's colour. The live markers
// are hidden meanwhile (viewer.css, body.replaying).
import maplibregl, { type Map as MapLibreMap } from "maplibre-gl";
import type { Alert } from "../live/messages";
import { alertMarkers } from "../alerts/alertMarkers";
import { alertMarkerElement } from "../map/AlertMarkers";
import type { UnitPlaces } from "../map/UnitPlaces";
import { TestIds } from "../testIds";

/** As many as the live markers at most. */
const MaxMarkers = 150;
const NoneLive: ReadonlySet<number> = new Set();

export class ReplayMarkers {
  private readonly markers: maplibregl.Marker[] = [];
  /** Bumped by every show and clear, so a slow answer for an earlier moment places nothing. */
  private generation = 0;

  constructor(private readonly map: MapLibreMap, private readonly places: UnitPlaces) {}

  /** Markers for the units' scale alerts among `open` (newest first), in place of the ones before. */
  async show(open: readonly Alert[]): Promise<void> {
    const generation = ++this.generation;
    const specs = alertMarkers(open.filter((a) => a.subjectKind === "unit"), NoneLive, MaxMarkers);
    const placed = await Promise.all(specs.map(async (spec) => ({ spec, point: (await this.places.get(spec.unitCode))?.labelPoint })));
    if (generation !== this.generation) return;
    this.remove();
    for (const { spec, point } of placed) {
      if (!point) continue;
      const element = alertMarkerElement(spec, TestIds.replayMarker);
      element.classList.add("replay-marker");
      this.markers.push(new maplibregl.Marker({ element, offset: [0, -18] }).setLngLat(point).addTo(this.map));
    }
  }

  clear(): void {
    this.generation++;
    this.remove();
  }

  private remove(): void {
    for (const m of this.markers.splice(0)) m.remove();
  }
}
