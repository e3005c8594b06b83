import { describe, expect, it } from "vitest";
import { isOwnServer, splitToken } from "../src/auth";

describe("splitToken", () => {
  it("takes the token out of the address and keeps the rest", () => {
    expect(splitToken("?mode=wall&token=rm_abc&unit=513431")).toEqual({ token: "rm_abc", search: "?mode=wall&unit=513431" });
  });
  it("leaves an address without a token as it was", () => {
    expect(splitToken("?mode=wall")).toEqual({ token: null, search: "?mode=wall" });
    expect(splitToken("")).toEqual({ token: null, search: "" });
  });
  it("ignores an empty token", () => {
    expect(splitToken("?token=")).toEqual({ token: null, search: "" });
  });
});

describe("isOwnServer", () => {
  const origin = "http://127.0.0.1:8080";
  it("sends the token to relative and same-origin URLs only", () => {
    expect(isOwnServer("tiles/villages/10/1/2", origin)).toBe(true);
    expect(isOwnServer("http://127.0.0.1:8080/tiles/villages.json", origin)).toBe(true);
    expect(isOwnServer("https://tiles.example.com/a.pbf", origin)).toBe(false);
    expect(isOwnServer("http://127.0.0.1:9999/x", origin)).toBe(false);
  });
});
