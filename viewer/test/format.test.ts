import { describe, expect, it } from "vitest";
import { formatCount, formatShare, zoneName } from "../src/format";

describe("format", () => {
  it("groups thousands", () => {
    expect(formatCount(364912)).toBe("364,912");
    expect(formatCount(0)).toBe("0");
  });

  it("shows shares as percentages with one decimal", () => {
    expect(formatShare(1 / 3)).toBe("33.3%");
    expect(formatShare(0)).toBe("0.0%");
  });

  it("shows a dash for missing values", () => {
    expect(formatCount(null)).toBe("—");
    expect(formatShare(Number.NaN)).toBe("—");
  });

  it("names zones in Chinese", () => {
    expect(zoneName("red")).toBe("红灯区");
    expect(zoneName("green")).toBe("绿灯区");
  });
});
