import { describe, expect, it } from "vitest";
import { modeUrl, normaliseUnitCode, parseViewerOptions } from "../src/viewerOptions";
import { chooseRoot, descendsToOnlyChild } from "../src/scope";
import { unit } from "./fixtures";

describe("viewer options", () => {
  it("default to the desk, the root unit and a 20 s tour", () => {
    expect(parseViewerOptions("")).toEqual({ mode: "desk", unit: null, lang: null, tourSeconds: 20, heat: false });
  });

  it("read wall mode, the scope, the language and the tour", () => {
    expect(parseViewerOptions("?mode=wall&unit=5134&lang=en&tour=45")).toEqual({ mode: "wall", unit: "513400000000", lang: "en", tourSeconds: 45, heat: false });
  });

  it("read planner mode, and treat an unknown mode as the desk", () => {
    expect(parseViewerOptions("?mode=planner").mode).toBe("planner");
    expect(parseViewerOptions("?mode=draw").mode).toBe("desk");
  });

  it("switch modes keeping the scope, language and map view", () => {
    expect(modeUrl("http://h/?unit=5134&lang=en#9/28/102", "planner")).toBe("http://h/?unit=5134&lang=en&mode=planner#9/28/102");
    expect(modeUrl("http://h/?mode=planner&lang=en", "desk")).toBe("http://h/?lang=en");
  });

  it("turn the tour off with 0 and keep it between 5 s and an hour", () => {
    expect(parseViewerOptions("?tour=0").tourSeconds).toBe(0);
    expect(parseViewerOptions("?heat=1").heat).toBe(true);
    expect(parseViewerOptions("?heat=no").heat).toBe(false);
    expect(parseViewerOptions("?tour=1").tourSeconds).toBe(5);
    expect(parseViewerOptions("?tour=abc").tourSeconds).toBe(0);
  });

  it("accept division codes of 2, 4, 6, 9 or 12 digits only", () => {
    expect(normaliseUnitCode("513431100")).toBe("513431100000");
    expect(normaliseUnitCode("12345")).toBeNull();
    expect(normaliseUnitCode("51x4")).toBeNull();
  });
});

describe("default scope", () => {
  it("starts from the root with the most households", () => {
    const roots = [unit({ code: "520000000000" }, { households: 5 }), unit({ code: "510000000000" }, { households: 50 })];
    expect(chooseRoot(roots)?.code).toBe("510000000000");
    expect(chooseRoot([])).toBeNull();
  });

  it("goes down from a province holding one prefecture, not further", () => {
    expect(descendsToOnlyChild(unit({ level: "province", childCodes: ["513400000000"] }))).toBe(true);
    expect(descendsToOnlyChild(unit({ level: "province", childCodes: ["513300000000", "513400000000"] }))).toBe(false);
    expect(descendsToOnlyChild(unit({ level: "prefecture", childCodes: ["513431000000"] }))).toBe(false);
  });
});
