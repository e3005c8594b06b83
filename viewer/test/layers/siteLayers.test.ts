import { describe, expect, it } from "vitest";
import { siteRadius } from "../../src/layers/siteLayers";

describe("siteRadius", () => {
  it("grows with households", () => {
    expect(siteRadius(40)).toBeGreaterThan(siteRadius(10));
    expect(siteRadius(600)).toBeGreaterThan(siteRadius(40));
  });

  it("stays visible for an empty site and bounded for the largest", () => {
    expect(siteRadius(0)).toBe(4);
    expect(siteRadius(100000)).toBe(28);
  });
});
