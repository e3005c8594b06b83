import { describe, expect, it } from "vitest";
import { FillZooms, keyCountyOutlineLayer, unitFillLayer, zoneFillColor } from "../../src/layers/unitLayers";
import { ZoneColors } from "../../src/layers/palette";

describe("unit layers", () => {
  it("colour fills by zone", () => {
    expect(zoneFillColor()[0]).toBe("match");
    expect(zoneFillColor().slice(2)).toEqual(["red", ZoneColors.red, "yellow", ZoneColors.yellow, ZoneColors.green]);
  });

  it("show one level's fill at any zoom", () => {
    expect(FillZooms.counties.max).toBe(FillZooms.townships.min);
    expect(FillZooms.townships.max).toBe(FillZooms.villages.min);
  });

  it("read each level from its own source and source layer", () => {
    const layer = unitFillLayer("townships");
    expect(layer.source).toBe("townships");
    expect(layer["source-layer"]).toBe("townships");
  });

  it("outline only key assistance counties in the key-county layer", () => {
    expect(keyCountyOutlineLayer().filter).toEqual(["==", ["to-boolean", ["get", "key_county"]], true]);
  });
});
