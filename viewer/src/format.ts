// Numbers and labels as Chinese readers expect them (zh-CN grouping, percentages).
import type { UnitLevel, Zone } from "./types";

const integer = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("zh-CN", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 12,345; "—" for a missing value. */
export function formatCount(n: number | null | undefined): string {
  return n == null || !Number.isFinite(n) ? "—" : integer.format(n);
}

/** A share 0–1 as 33.3%; "—" for a missing value. */
export function formatShare(share: number | null | undefined): string {
  return share == null || !Number.isFinite(share) ? "—" : percent.format(share);
}

export const ZoneNames: Record<Zone, string> = { red: "红灯区", yellow: "黄灯区", green: "绿灯区" };

export const LevelNames: Record<UnitLevel, string> = {
  province: "省",
  prefecture: "市(州)",
  county: "县(市、区)",
  township: "乡(镇)",
  village: "村(社区)",
};

export function zoneName(zone: string): string {
  return (ZoneNames as Record<string, string>)[zone] ?? zone;
}
