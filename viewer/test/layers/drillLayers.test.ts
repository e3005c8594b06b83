import { describe, expect, it } from "vitest";
import { expression, featureFilter } from "@maplibre/maplibre-gl-style-spec";
import { descendantsFilter, drillFillLayer, drillTarget, focusZoom, ownFillOpacity } from "../../src/layers/drillLayers";

function matches(filter: unknown, code: string): boolean {
  const f = featureFilter(filter as never);
  return f.filter({ zoom: 9 } as never, { type: 3, properties: { code }, geometry: [] } as never);
}

describe("drillTarget", () => {
  it("drills a county into its townships and a township into its villages", () => {
    expect(drillTarget("513431000000", "county")).toEqual({ code: "513431000000", level: "county", children: "townships", own: "counties" });
    expect(drillTarget("513431100000", "township")).toMatchObject({ children: "villages", own: "townships" });
  });

  it("has nothing to drill for a village, nor for a prefecture whose counties the map already draws", () => {
    expect(drillTarget("513431100001", "village")).toBeNull();
    expect(drillTarget("513400000000", "prefecture")).toBeNull();
  });
});

describe("descendantsFilter", () => {
  it("keeps the county's townships and leaves out the next county's and the county itself", () => {
    const filter = descendantsFilter("513431000000", "county");
    expect(matches(filter, "513431100000")).toBe(true);
    expect(matches(filter, "513431101000")).toBe(true);
    expect(matches(filter, "513432100000")).toBe(false);
    expect(matches(filter, "513431000000")).toBe(false);
  });

  it("keeps a township's villages only", () => {
    const filter = descendantsFilter("513431100000", "township");
    expect(matches(filter, "513431100001")).toBe(true);
    expect(matches(filter, "513431101001")).toBe(false);
  });
});

describe("drillFillLayer", () => {
  it("draws the children from their tiles' first zoom until their own level's fill takes over", () => {
    const layer = drillFillLayer(drillTarget("513431000000", "county")!, 8);
    expect(layer).toMatchObject({ id: "drill-fill", source: "townships", "source-layer": "townships", minzoom: 8, maxzoom: 9 });
    expect(expression.createExpression(layer.paint!["fill-color"], { type: "color" } as never).result).toBe("success");
  });
});

describe("ownFillOpacity", () => {
  it("hides the focused unit from its children's zoom and leaves it drawn below, its neighbours always drawn", () => {
    const spec = { type: "number", "property-type": "data-driven", expression: { interpolated: true, parameters: ["zoom", "feature"] }, transition: true } as never;
    const compiled = expression.createPropertyExpression(ownFillOpacity("513431000000", 8), spec);
    expect(compiled.result).toBe("success");
    const value = compiled.value as { evaluate: (g: unknown, f: unknown, s?: unknown) => number };
    const at = (zoom: number, code: string) => value.evaluate({ zoom }, { type: 3, properties: { code, share2: 0 } }, {});
    expect(at(8.5, "513431000000")).toBe(0);
    expect(at(7, "513431000000")).toBeCloseTo(0.45);
    expect(at(8.5, "513432000000")).toBeCloseTo(0.45);
  });
});

describe("focusZoom", () => {
  it("shows a county where its townships are drawn by the drill layer, however big or small it is", () => {
    expect(focusZoom("county", 7.2, 8)).toBeCloseTo(8.3);
    expect(focusZoom("county", 8.6, 8)).toBeCloseTo(8.6);
    expect(focusZoom("county", 11.5, 8)).toBeCloseTo(8.9);
  });

  it("shows a township below the villages' own zoom, and a village where villages are filled", () => {
    expect(focusZoom("township", 12, 10)).toBeCloseTo(10.9);
    expect(focusZoom("township", 9, 10)).toBeCloseTo(10.3);
    expect(focusZoom("village", 10, 0)).toBeCloseTo(11.2);
    expect(focusZoom("village", 13, 0)).toBe(13);
    expect(focusZoom("prefecture", 7, 0)).toBe(7);
  });
});
