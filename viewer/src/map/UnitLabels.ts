// Chinese unit names as HTML markers at the points of the `labels` tiles (why HTML and not
// symbol layers: see layers/labelLayers.ts). Refreshed when the map comes to rest, and when the
// label tiles in view have loaded (a wall receiving changes every tick may never come to rest).
import maplibregl, { type Map as MapLibreMap, type MapSourceDataEvent } from "maplibre-gl";
import { TestIds } from "../testIds";
import { LabelProbeLayerId, labelLevelsAt, pickLabels, type LabelPoint } from "../layers/labelLayers";
import { placeLabels } from "../layers/labelPlacement";

/** More names than this in view are unreadable anyway, and each is a DOM node. */
const MaxLabels = 250;

/** Admin levels named: 3 county, 4 township, 5 village. */
const Levels = [3, 4, 5];

export class UnitLabels {
  private readonly markers = new Map<string, maplibregl.Marker>();
  private readonly refresh = () => this.update();
  private readonly labelsLoaded = (e: MapSourceDataEvent) => {
    if (e.sourceId === "labels" && e.isSourceLoaded && !this.map.isMoving()) this.update();
  };
  /** Font sizes in pixels by level, as the stylesheet draws them (.unit-label-N; larger on a wall). */
  private fontSizes: Record<number, number> = {};

  constructor(private readonly map: MapLibreMap) {}

  attach(): void {
    this.fontSizes = measureFontSizes(this.map.getContainer());
    this.map.on("idle", this.refresh);
    this.map.on("sourcedata", this.labelsLoaded);
  }

  detach(): void {
    this.map.off("idle", this.refresh);
    this.map.off("sourcedata", this.labelsLoaded);
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
      return { x, y, text: p.name, fontSize: this.fontSizes[p.level] ?? 12 };
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

/** The font size each level's label class has here, read from a hidden probe element. */
function measureFontSizes(container: HTMLElement): Record<number, number> {
  const probe = document.createElement("div");
  probe.style.visibility = "hidden";
  probe.style.position = "absolute";
  container.append(probe);
  const sizes: Record<number, number> = {};
  for (const level of Levels) {
    probe.className = `unit-label unit-label-${level}`;
    sizes[level] = parseFloat(getComputedStyle(probe).fontSize) || 12;
  }
  probe.remove();
  return sizes;
}
