import { describe, expect, it } from "vitest";
import { placeLabels } from "../../src/layers/labelPlacement";

describe("placeLabels", () => {
  it("keeps the first of two overlapping labels", () => {
    const labels = [
      { x: 100, y: 100, text: "新村街道", fontSize: 13 },
      { x: 110, y: 104, text: "南山社区居民委员会", fontSize: 12 },
    ];
    expect(placeLabels(labels)).toEqual([0]);
  });

  it("keeps labels that are apart", () => {
    const labels = [
      { x: 100, y: 100, text: "昭觉县", fontSize: 15 },
      { x: 100, y: 140, text: "西昌市", fontSize: 15 },
      { x: 300, y: 100, text: "美姑县", fontSize: 15 },
    ];
    expect(placeLabels(labels)).toEqual([0, 1, 2]);
  });
});
