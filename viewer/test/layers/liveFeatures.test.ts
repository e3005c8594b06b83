import { describe, expect, it } from "vitest";
import { featureState, featureTarget, FeatureStateLayers, NoRefetchLayers } from "../../src/layers/liveFeatures";
import { liveValue, shareFillOpacity, unitFillLayer, zoneFillColor } from "../../src/layers/unitLayers";
import { Themes, ZoneColors } from "../../src/layers/palette";
import { stats } from "../fixtures";

describe("live figures on the map", () => {
  it("colour the polygon of a county, township or village by its code", () => {
    expect(featureTarget(stats({ level: "village", id: "513431100001" }))).toEqual({ source: "villages", id: "513431100001" });
    expect(featureTarget(stats({ level: "township", id: "513431100000" }))).toEqual({ source: "townships", id: "513431100000" });
    expect(featureTarget(stats({ level: "county", id: "513431000000" }))).toEqual({ source: "counties", id: "513431000000" });
  });

  it("leave prefectures, provinces and sites alone (no polygons drawn for them)", () => {
    expect(featureTarget(stats({ level: "prefecture" }))).toBeNull();
    expect(featureTarget(stats({ kind: "site", level: "site", id: "9001" }))).toBeNull();
  });

  it("carry the tile properties the layers draw, under the tiles' names", () => {
    expect(featureState(stats({ zone: "yellow", shareAtLeastII: 0.4 }))).toMatchObject({ zone: "yellow", share2: 0.4, households: 20 });
    expect([...FeatureStateLayers].sort()).toEqual(["counties", "townships", "villages"]);
    expect(NoRefetchLayers.has("labels")).toBe(true);
    expect(NoRefetchLayers.has("sites")).toBe(false);
  });
});

describe("fill expressions", () => {
  it("prefer the live value in feature state over the tile's property", () => {
    expect(liveValue("zone")).toEqual(["coalesce", ["feature-state", "zone"], ["get", "zone"]]);
    expect(zoneFillColor()).toEqual(["match", liveValue("zone"), "red", ZoneColors.red, "yellow", ZoneColors.yellow, ZoneColors.green]);
    expect(shareFillOpacity()).toEqual(["interpolate", ["linear"], ["coalesce", liveValue("share2"), 0], 0, 0.45, 0.5, 0.85]);
  });

  it("are stronger on the dark wall", () => {
    const paint = unitFillLayer("villages", Themes.dark).paint!;
    expect(paint["fill-opacity"]).toEqual(["interpolate", ["linear"], ["coalesce", liveValue("share2"), 0], 0, 0.7, 0.5, 0.95]);
  });
});
