import { describe, expect, it } from "vitest";
import { heldZooms, tilesCovering, tilesToRefresh } from "../../src/map/tileCover";
import { NoRefetchLayers } from "../../src/layers/liveFeatures";

// 南坪村 in the test data: 102.6–102.7 E, 28.0–28.1 N.
const village: [number, number, number, number] = [102.6, 28.0, 102.7, 28.1];

describe("tile cover", () => {
  it("finds the tiles holding a small box", () => {
    // z10: x from (102.6 + 180) / 360 * 1024 = 803.8 to 804.1; y of 28.1° to 28.0° = 428.6 to 429.0
    expect(tilesCovering(village, 10)).toEqual([{ z: 10, x: 803, y: 428 }, { z: 10, x: 804, y: 428 }]);
  });

  it("takes in neighbours whose buffer reaches the box", () => {
    // 0.1° at z14 spans about 4.6 tiles a side: 5 or 6 columns with the buffer
    const tiles = tilesCovering(village, 14);
    const xs = new Set(tiles.map((t) => t.x));
    expect(xs.size).toBeGreaterThanOrEqual(5);
    expect(tiles.every((t) => t.z === 14)).toBe(true);
  });

  it("gives up on boxes no screen could show at that zoom", () => {
    expect(tilesCovering([-180, -85, 180, 85], 10)).toEqual([]);
  });

  it("uses the zooms the map holds, clamped to the source's range", () => {
    expect(heldZooms(12.4, { id: "labels", minzoom: 4, maxzoom: 14 })).toEqual([11, 12, 13]);
    expect(heldZooms(16, { id: "villages", minzoom: 10, maxzoom: 14 })).toEqual([13, 14]);
    expect(heldZooms(3, { id: "labels", minzoom: 4, maxzoom: 14 })).toEqual([4, 5]);
  });

  it("refetches the sites' tiles, never the polygons feature state recolours or the labels figures do not change", () => {
    const sources = [
      { id: "villages", minzoom: 10, maxzoom: 14 },
      { id: "labels", minzoom: 4, maxzoom: 14 },
      { id: "sites", minzoom: 8, maxzoom: 14 },
    ];
    const areas = [
      { layer: "villages", box: village },
      { layer: "labels", box: village },
      { layer: "risk-heat", box: village },
      { layer: "sites", box: [102.65, 28.05, 102.65, 28.05] as [number, number, number, number] },
    ];
    const refresh = tilesToRefresh(areas, sources, 10.5, NoRefetchLayers);
    expect([...refresh.keys()]).toEqual(["sites"]);
    expect(refresh.get("sites")).toContainEqual({ z: 10, x: 803, y: 428 });
  });
});
