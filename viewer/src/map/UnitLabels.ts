// Chinese unit names as HTML markers at the points of the `labels` tiles (why HTML and not
// symbol layers: see layers/labelLayers.ts). Refreshed when the map comes to rest.
import maplibregl, { type Map as MapLibreMap } from "maplibre-gl";
import { TestIds } from "../testIds";
import { LabelProbeLayerId, labelLevelsAt, pickLabels, type LabelPoint } from "../layers/labelLayers";
import { placeLabels } from "../layers/labelPlacement";

/** More names than this in view are unreadable anyway, and each is a DOM node. */
const MaxLabels = 250;

/** Font sizes in pixels by admin level; the CSS (.unit-label-N) uses the same. */
const FontSizes: Record<number, number> = { 3: 15, 4: 13, 5: 12 };

export class UnitLabels {
  private readonly markers = new Map<string, maplibregl.Marker>();
  private readonly refresh = () => this.update();

  constructor(private readonly map: MapLibreMap) {}

  attach(): void {
    this.map.on("idle", this.refresh);
  }

  detach(): void {
    this.map.off("idle", this.refresh);
    for (const m of this.markers.values()) m.remove();
    this.markers.clear();
  }

  private update(): void {
    if (!this.map.getLayer(LabelProbeLayerId)) return;
    const bounds = this.map.getBounds();
    const points: LabelPoint[] = [];
    for (const f of this.map.querySourceFeatures("labels", { sourceLayer: "labels" })) {
      if (f.geometry.type !== "Point") continue;
      const [lng, lat] = f.geometry.coordinates;
      const p = f.properties;
      points.push({ code: String(p.code), name: String(p.name), level: Number(p.level), lng, lat });
    }
    const candidates = pickLabels(points, labelLevelsAt(this.map.getZoom()), (p) => bounds.contains([p.lng, p.lat]), MaxLabels);
    const boxes = candidates.map((p) => {
      const { x, y } = this.map.project([p.lng, p.lat]);
      return { x, y, text: p.name, fontSize: FontSizes[p.level] ?? 12 };
    });
    const shown = placeLabels(boxes).map((i) => candidates[i]);
    const keep = new Set(shown.map((p) => p.code));
    for (const [code, marker] of this.markers) {
      if (!keep.has(code)) {
        marker.remove();
        this.markers.delete(code);
      }
    }
    for (const p of shown) {
      if (this.markers.has(p.code)) continue;
      const label = document.createElement("div");
      label.className = `unit-label unit-label-${p.level}`;
      label.dataset.testid = TestIds.unitLabel;
      label.dataset.code = p.code;
      label.textContent = p.name;
      this.markers.set(p.code, new maplibregl.Marker({ element: label }).setLngLat([p.lng, p.lat]).addTo(this.map));
    }
  }
}
