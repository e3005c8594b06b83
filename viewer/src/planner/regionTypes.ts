// Shapes of the region API's JSON (docs/api.md § Regions).
import type { UnitFigures, UnitLevel, WorkGaps, Zone } from "../types";

export type Position = [number, number];

/** A drawn region as the API takes it: a GeoJSON Polygon, longitude/latitude. */
export interface RegionBody {
  type: "Polygon";
  coordinates: Position[][];
}

export interface RegionUnit {
  code: string;
  level: Exclude<UnitLevel, "province" | "prefecture">;
  name: string;
  coverage: "whole" | "partial";
  households: number;
  shareAtLeastTwo: number;
  zone: Zone;
  workGaps: WorkGaps;
}

export interface RegionSite {
  siteId: number;
  name: string;
  households: number;
  shareAtLeastTwo: number;
  zone: Zone;
}

export interface RegionFigures {
  region: { kind: string; areaKm2: number; vertices: number };
  notes: string[];
  figures: UnitFigures;
  zone: Zone;
  scaleReturn: boolean;
  units: RegionUnit[];
  sites: RegionSite[];
}

export interface HouseholdReason {
  key: string;
  zh: string;
  en: string;
}

export interface HouseholdToVisit {
  householdId: string;
  villageName: string;
  level: number;
  score: number;
  reasons: HouseholdReason[];
  lastVisitOn: string | null;
}

export interface RegionHouseholds {
  total: number;
  offset: number;
  limit: number;
  households: HouseholdToVisit[];
}

export type RuleMetric = "shareAtLeastTwo" | "shareThree" | "householdsAtThree";

export interface WatchRule {
  metric: RuleMetric;
  raiseThreshold: number;
  clearThreshold: number;
  minimumHouseholds?: number;
}

export interface WatchRegionRequest {
  name: string;
  geometry: RegionBody;
  rules: WatchRule[];
}

export interface SavedRegion {
  regionId: number;
  name: string;
}
