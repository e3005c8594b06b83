import { describe, expect, it } from "vitest";
import { en, zh } from "../../src/i18n/messages";
import { formatCount, formatDateTime, formatShare, formatTime, I18n, resolveLang, translate } from "../../src/i18n/i18n";
import { zoneKey } from "../../src/i18n/names";

describe("language", () => {
  it("is Chinese unless the address or the stored choice says English", () => {
    expect(resolveLang(null, null)).toBe("zh");
    expect(resolveLang(null, "en")).toBe("en");
    expect(resolveLang("zh", "en")).toBe("zh");
    expect(resolveLang("fr", "xx")).toBe("zh");
  });

  it("has every string in both languages, with the same placeholders", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("zh", "connOffline", { time: "14:03" })).toBe("连接中断 · 显示 14:03 的数据");
    expect(translate("en", "connOffline", { time: "14:03" })).toBe("Connection lost · showing data of 14:03");
    expect(translate("en", "connOffline")).toContain("{time}");
  });

  it("tells listeners when it switches, and only then", () => {
    const i18n = new I18n("zh");
    let calls = 0;
    i18n.onChange(() => calls++);
    i18n.set("zh");
    i18n.set("en");
    expect(calls).toBe(1);
    expect(i18n.t("zoneRed")).toBe("Red zone");
    expect(i18n.t(zoneKey("purple"))).toBe("Green zone");
  });
});

describe("formatting", () => {
  it("groups thousands and shows shares with one decimal", () => {
    expect(formatCount("zh", 364912)).toBe("364,912");
    expect(formatCount("en", 364912)).toBe("364,912");
    expect(formatShare("zh", 1 / 3)).toBe("33.3%");
    expect(formatShare("en", 0)).toBe("0.0%");
  });

  it("shows a dash for missing values", () => {
    expect(formatCount("zh", null)).toBe("—");
    expect(formatShare("en", Number.NaN)).toBe("—");
  });

  it("shows times in China time, 24-hour, whatever the machine's zone", () => {
    const at = Date.parse("2026-11-20T06:03:09Z");
    expect(formatTime("zh", at)).toBe("14:03");
    expect(formatTime("en", at, true)).toBe("14:03:09");
  });

  it("writes dates the way each language reads them", () => {
    const at = Date.parse("2026-11-20T06:03:09Z");
    expect(formatDateTime("zh", at)).toBe("2026/11/20 14:03");
    expect(formatDateTime("en", at)).toBe("20 Nov 2026, 14:03");
    expect(formatDateTime("zh", at, true)).toMatch(/^2026\/11\/20 14:03:\d\d$/);
  });
});
