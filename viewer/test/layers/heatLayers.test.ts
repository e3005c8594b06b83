import { describe, expect, it } from "vitest";
import { expression } from "@maplibre/maplibre-gl-style-spec";
import { HeatStops, heatColor, heatLayer, heatWeight } from "../../src/layers/heatLayers";
import { LevelColors } from "../../src/layers/palette";

const weightSpec = { type: "number", "property-type": "data-driven", expression: { interpolated: true, parameters: ["zoom", "feature"] } } as never;

function weightOf(properties: Record<string, number>): number {
  const compiled = expression.createPropertyExpression(heatWeight(), weightSpec);
  if (compiled.result !== "success") throw new Error(JSON.stringify(compiled.value));
  return (compiled.value as { evaluate: (g: unknown, f: unknown) => number }).evaluate({ zoom: 9 }, { type: 1, properties });
}

describe("heatWeight", () => {
  it("weighs a cell by its households' mean score, not by how many live there", () => {
    // 200 comfortable households (score 5 each) weigh nothing; 4 at level III (score 60) weigh fully.
    expect(weightOf({ weight: 1000, households: 200 })).toBe(0);
    expect(weightOf({ weight: 240, households: 4 })).toBe(1);
    // mean 13: half way from the floor (6) to full weight (20)
    expect(weightOf({ weight: 130, households: 10 })).toBeCloseTo(0.5);
  });

  it("weighs a household point (no households property) by its own score", () => {
    expect(weightOf({ weight: 13, level: 1 })).toBeCloseTo(0.5);
    expect(weightOf({ weight: 5, level: 0 })).toBe(0);
  });
});

describe("heatColor", () => {
  it("ramps from transparent through the seeds' green, yellow and red", () => {
    expect(HeatStops.map(([, c]) => c).slice(1, 4)).toEqual([LevelColors[1], LevelColors[2], LevelColors[3]]);
    const compiled = expression.createExpression(heatColor(), { type: "color" } as never);
    expect(compiled.result).toBe("success");
    const at = (density: number) => (compiled.value as { evaluate: (g: unknown) => { r: number; g: number; a: number } }).evaluate({ zoom: 9, heatmapDensity: density });
    expect(at(0).a).toBe(0);
    expect(at(0.7).r).toBeGreaterThan(at(0.7).g);
  });
});

describe("heatLayer", () => {
  it("is a heatmap on the risk-heat tiles", () => {
    expect(heatLayer()).toMatchObject({ id: "risk-heat", type: "heatmap", source: "risk-heat", "source-layer": "risk-heat" });
  });
});
