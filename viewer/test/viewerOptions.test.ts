import { describe, expect, it } from "vitest";
import { asOfUrl, modeUrl, normaliseUnitCode, parseMoment, parseViewerOptions } from "../src/viewerOptions";
import { chooseRoot, descendsToOnlyChild } from "../src/scope";
import { unit } from "./fixtures";

describe("viewer options", () => {
  it("default to the desk, the root unit and a 20 s tour", () => {
    expect(parseViewerOptions("")).toEqual({ mode: "desk", unit: null, lang: null, tourSeconds: 20, heat: false, asOf: null });
  });

  it("read wall mode, the scope, the language and the tour", () => {
    expect(parseViewerOptions("?mode=wall&unit=5134&lang=en&tour=45")).toEqual({ mode: "wall", unit: "513400000000", lang: "en", tourSeconds: 45, heat: false, asOf: null });
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

  it("read the moment to replay, in China time when it names no offset", () => {
    expect(parseViewerOptions("?asOf=2026-11-23T02:45:00Z").asOf).toBe(Date.parse("2026-11-23T02:45:00Z"));
    expect(parseMoment("2026-11-23T10:45")).toBe(Date.parse("2026-11-23T02:45:00Z"));
    expect(parseMoment("2026-11-23T10:45:30.5+08:00")).toBe(Date.parse("2026-11-23T02:45:30.500Z"));
    expect(parseMoment("2026-11-23")).toBe(Date.parse("2026-11-22T16:00:00Z"));
    expect(parseMoment("yesterday")).toBeNull();
    expect(parseMoment("2026-13-45T99:99")).toBeNull();
    expect(parseMoment(null)).toBeNull();
  });

  it("keep the replayed moment in the address, and drop it for live", () => {
    const at = Date.parse("2026-11-23T02:45:00Z");
    expect(asOfUrl("http://h/?lang=en#9/27.7/102.7", at)).toBe("http://h/?lang=en&asOf=2026-11-23T02%3A45%3A00.000Z#9/27.7/102.7");
    expect(asOfUrl("http://h/?asOf=2026-11-23T02%3A45%3A00.000Z&lang=en#9/27.7/102.7", null)).toBe("http://h/?lang=en#9/27.7/102.7");
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
