import { describe, expect, it } from "vitest";
import { LevelColors, shareColor, shareColorExpression, zoneColor } from "../../src/layers/palette";

describe("zoneColor", () => {
  it("gives each zone the seeds' colour: red III, yellow II, green I", () => {
    expect(zoneColor("red")).toBe(LevelColors[3]);
    expect(zoneColor("yellow")).toBe(LevelColors[2]);
    expect(zoneColor("green")).toBe(LevelColors[1]);
  });

  it("draws an unknown zone green, as tiles do for units without figures", () => {
    expect(zoneColor("purple")).toBe(LevelColors[1]);
  });
});

describe("shareColor", () => {
  it("is green at no households at level II or above", () => {
    expect(shareColor(0)).toBe(LevelColors[1]);
  });

  it("is yellow at the township threshold of one third", () => {
    expect(shareColor(1 / 3)).toBe(LevelColors[2]);
  });

  it("is red from the village threshold of one half", () => {
    expect(shareColor(0.5)).toBe(LevelColors[3]);
    expect(shareColor(0.9)).toBe(LevelColors[3]);
  });

  it("mixes between stops", () => {
    const between = shareColor(1 / 6);
    expect(between).not.toBe(LevelColors[1]);
    expect(between).not.toBe(LevelColors[2]);
    expect(between).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("clamps shares outside 0–1 and treats NaN as 0", () => {
    expect(shareColor(-1)).toBe(LevelColors[1]);
    expect(shareColor(2)).toBe(LevelColors[3]);
    expect(shareColor(Number.NaN)).toBe(LevelColors[1]);
  });

  it("has a MapLibre expression with the same stops", () => {
    expect(shareColorExpression("share2")).toEqual([
      "interpolate", ["linear"], ["coalesce", ["get", "share2"], 0],
      0, LevelColors[1], 1 / 3, LevelColors[2], 1 / 2, LevelColors[3],
    ]);
    // live: a feature state of the same name first (the sites layer, for replay)
    expect(shareColorExpression("share2", true).slice(0, 3)).toEqual([
      "interpolate", ["linear"], ["coalesce", ["feature-state", "share2"], ["get", "share2"], 0],
    ]);
  });
});
