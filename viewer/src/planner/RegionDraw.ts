// Drawing a region on the map with terra-draw (polygon, rectangle, circle); one region at a time.
// terra-draw draws circles and rectangles as polygons already, so every finished shape is a ring.
import type { Map as MapLibreMap } from "maplibre-gl";
import { TerraDraw, TerraDrawCircleMode, TerraDrawPolygonMode, TerraDrawRectangleMode } from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import type { Position } from "./regionTypes";

export type Shape = "polygon" | "rectangle" | "circle";
export const Shapes: readonly Shape[] = ["polygon", "rectangle", "circle"];

/** The outline's colour: a dark blue apart from the zone colours underneath. */
const Outline = "#1f4e9c";

export class RegionDraw {
  private draw: TerraDraw | null = null;
  private shape: Shape = "polygon";

  constructor(private readonly map: MapLibreMap, private readonly onDrawn: (ring: Position[]) => void) {}

  attach(): void {
    const start = () => {
      const styles = { fillColor: Outline, outlineColor: Outline, fillOpacity: 0.12, outlineWidth: 3 } as const;
      this.draw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
        modes: [
          new TerraDrawPolygonMode({ styles: { ...styles, closingPointColor: Outline, closingPointOutlineColor: "#ffffff" } }),
          new TerraDrawRectangleMode({ styles }),
          new TerraDrawCircleMode({ styles }),
        ],
      });
      this.draw.start();
      this.draw.setMode(this.shape);
      this.draw.on("finish", (id) => this.finished(id));
    };
    if (this.map.isStyleLoaded()) start();
    else this.map.once("load", start);
  }

  /** The shape the next drawing makes. */
  use(shape: Shape): void {
    this.shape = shape;
    this.draw?.setMode(shape);
  }

  clear(): void {
    this.draw?.clear();
  }

  private finished(id: string | number): void {
    const draw = this.draw;
    if (!draw) return;
    // A new region replaces the last one: the panel shows one region's figures.
    draw.removeFeatures(draw.getSnapshot().map((f) => f.id).filter((other): other is string | number => other !== undefined && other !== id));
    const feature = draw.getSnapshotFeature(id);
    if (feature?.geometry.type === "Polygon") this.onDrawn(feature.geometry.coordinates[0] as Position[]);
  }
}
