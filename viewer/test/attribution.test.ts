import { describe, expect, it } from "vitest";
import { attributionText, DataAttribution } from "../src/controls/NoticeControl";

describe("attributionText", () => {
  it("credits a deployment's basemap after RiskMap's own sources, and nothing extra without one", () => {
    expect(attributionText("© 凉山州自然资源局")).toBe(`${DataAttribution} · © 凉山州自然资源局`);
    expect(attributionText(null)).toBe(DataAttribution);
    expect(attributionText("  ")).toBe(DataAttribution);
  });
});
