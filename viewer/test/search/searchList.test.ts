import { describe, expect, it } from "vitest";
import { chosenIndex, moveHighlight, placePath, searchText } from "../../src/search/searchList";
import type { UnitSearchHit } from "../../src/types";

const hit = (path: string[]): UnitSearchHit => ({
  code: "513431100001", level: "village", name: "南坪村",
  path: path.map((name, i) => ({ code: String(i), name })), bbox: null, labelPoint: null,
});

describe("moveHighlight", () => {
  it("goes down from nothing to the first result and wraps from the last back to the first", () => {
    expect(moveHighlight(-1, "ArrowDown", 3)).toBe(0);
    expect(moveHighlight(0, "ArrowDown", 3)).toBe(1);
    expect(moveHighlight(2, "ArrowDown", 3)).toBe(0);
  });

  it("goes up from nothing or the first result to the last", () => {
    expect(moveHighlight(-1, "ArrowUp", 3)).toBe(2);
    expect(moveHighlight(0, "ArrowUp", 3)).toBe(2);
    expect(moveHighlight(2, "ArrowUp", 3)).toBe(1);
  });

  it("highlights nothing when there are no results", () => {
    expect(moveHighlight(0, "ArrowDown", 0)).toBe(-1);
  });
});

describe("chosenIndex", () => {
  it("chooses the highlighted result, else the best match, else nothing", () => {
    expect(chosenIndex(2, 3)).toBe(2);
    expect(chosenIndex(-1, 3)).toBe(0);
    expect(chosenIndex(5, 3)).toBe(0);
    expect(chosenIndex(-1, 0)).toBeNull();
  });
});

describe("placePath", () => {
  it("shows the last three ancestors, nearest last", () => {
    expect(placePath(hit(["四川省", "凉山彝族自治州", "昭觉县", "竹核乡"]))).toBe("凉山彝族自治州 › 昭觉县 › 竹核乡");
    expect(placePath(hit(["四川省", "凉山彝族自治州", "昭觉县", "竹核乡"]), 2)).toBe("昭觉县 › 竹核乡");
  });

  it("is empty for a unit at the top of the caller's area", () => {
    expect(placePath(hit([]))).toBe("");
  });
});

describe("searchText", () => {
  it("trims, refuses blank text and keeps at most the 50 characters the API takes", () => {
    expect(searchText("  竹核 ")).toBe("竹核");
    expect(searchText("   ")).toBeNull();
    expect(searchText("村".repeat(60))).toHaveLength(50);
  });
});
