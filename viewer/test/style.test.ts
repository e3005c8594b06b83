import { describe, expect, it } from "vitest";
import { absoluteTileUrls, buildStyle, SourceLayers } from "../src/style";
import type { TileJson } from "../src/types";

const tileJson = (name: string): TileJson => ({
  tilejson: "3.0.0", name, tiles: [`http://127.0.0.1:8131/tiles/${name}/{z}/{x}/{y}`], minzoom: 5, maxzoom: 12,
  bounds: [101, 26, 104, 29],
});

describe("style", () => {
  it("keeps absolute tile URLs and makes path-only ones absolute on the page's origin", () => {
    expect(absoluteTileUrls(["http://h:1/tiles/a/{z}/{x}/{y}"], "http://o:2")).toEqual(["http://h:1/tiles/a/{z}/{x}/{y}"]);
    expect(absoluteTileUrls(["/tiles/a/{z}/{x}/{y}"], "http://o:2/")).toEqual(["http://o:2/tiles/a/{z}/{x}/{y}"]);
  });

  it("uses only RiskMap's own sources and draws no glyphs or sprites from anywhere", () => {
    const style = buildStyle(Object.fromEntries(SourceLayers.map((l) => [l, tileJson(l)])) as never, "http://o:2");
    expect(Object.keys(style.sources).sort()).toEqual([...SourceLayers].sort());
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.some((l) => l.type === "symbol")).toBe(false);
    expect(style.layers[0].type).toBe("background");
  });

  it("keys unit sources by code for feature state, not sites", () => {
    const style = buildStyle(Object.fromEntries(SourceLayers.map((l) => [l, tileJson(l)])) as never, "http://o:2");
    expect(style.sources.villages).toMatchObject({ promoteId: "code" });
    expect(style.sources.sites).not.toHaveProperty("promoteId");
  });

  it("draws a deployment's basemap from RiskMap's own server, under every risk layer, only when there is one", () => {
    const tileJsons = Object.fromEntries(SourceLayers.map((l) => [l, tileJson(l)])) as never;
    const basemap: TileJson = { tilejson: "3.0.0", name: "basemap", tiles: ["/basemap/{z}/{x}/{y}"], minzoom: 0, maxzoom: 12, attribution: "© 凉山州" };

    const style = buildStyle(tileJsons, "http://o:2", undefined, basemap);

    expect(style.sources.basemap).toEqual({
      type: "raster", tiles: ["http://o:2/basemap/{z}/{x}/{y}"], tileSize: 256, minzoom: 0, maxzoom: 12, attribution: "© 凉山州",
    });
    expect(style.layers.map((l) => l.id).slice(0, 2)).toEqual(["background", "basemap"]);
    expect(buildStyle(tileJsons, "http://o:2").layers.some((l) => l.type === "raster")).toBe(false);
  });
});

