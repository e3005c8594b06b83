import { describe, expect, it } from "vitest";
import { labelLevelsAt, pickLabels, type LabelPoint } from "../../src/layers/labelLayers";

const point = (code: string, level: number, lng = 102): LabelPoint => ({ code, name: code, level, lng, lat: 28 });

describe("labels", () => {
  it("name counties when zoomed out and villages when zoomed in", () => {
    expect(labelLevelsAt(7)).toEqual([3]);
    expect(labelLevelsAt(10)).toEqual([3, 4]);
    expect(labelLevelsAt(12)).toEqual([4, 5]);
  });

  it("keep one label per unit though tiles repeat points in their buffers", () => {
    const picked = pickLabels([point("a", 3), point("a", 3), point("b", 3)], [3], () => true, 10);
    expect(picked.map((p) => p.code)).toEqual(["a", "b"]);
  });

  it("leave out other levels and points out of view, and cap higher levels first", () => {
    const points = [point("v", 5), point("t2", 4), point("t1", 4), point("c", 3), point("far", 3, 120)];
    const picked = pickLabels(points, [3, 4], (p) => p.lng < 110, 2);
    expect(picked.map((p) => p.code)).toEqual(["c", "t1"]);
  });
});
