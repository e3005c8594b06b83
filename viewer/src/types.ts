// Shapes of the server's JSON (docs/api.md).

export interface TileJson {
  tilejson: string;
  name: string;
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds?: [number, number, number, number];
}

export type Zone = "red" | "yellow" | "green";
export type UnitLevel = "province" | "prefecture" | "county" | "township" | "village";

export interface WorkGaps {
  shouldMonitor: number;
  unassisted: number;
  shouldExit: number;
}

export interface UnitFigures {
  households: number;
  monitored: number;
  level1: number;
  level2: number;
  level3: number;
  shareAtLeastTwo: number;
  shareThree: number;
  assisted: number;
  assistanceCoverage: number;
  workGaps: WorkGaps;
  incomeMedian: number | null;
}

export interface ZoneCount {
  red: number;
  yellow: number;
  green: number;
}

export interface CountyGroup {
  counties: number;
  households: number;
  monitored: number;
  level1: number;
  level2: number;
  level3: number;
  shareAtLeastTwo: number;
  redCounties: number;
  workGaps: number;
}

export interface Unit {
  code: string;
  level: UnitLevel;
  name: string;
  parentCode: string | null;
  childCodes: string[];
  isKeyCounty: boolean;
  schematic: boolean;
  figures: UnitFigures;
  zone: Zone;
  scaleReturn: boolean;
  version: number;
  updatedAt: string | null;
  /** west, south, east, north; null without a geometry */
  bbox?: [number, number, number, number] | null;
  /** longitude, latitude of a point inside the unit */
  labelPoint?: [number, number] | null;
  /** descendants per level and zone (single units above village level) */
  zoneCounts?: Partial<Record<UnitLevel, ZoneCount>> | null;
  /** prefectures and provinces */
  keyCountyComparison?: { keyCounties: CountyGroup; otherCounties: CountyGroup } | null;
}

/** One point of GET /api/units/{code}/history. */
export interface HistoryPoint {
  validFrom: string;
  households: number;
  monitored: number;
  level1: number;
  level2: number;
  level3: number;
  shareAtLeastTwo: number;
  zone: Zone;
  scaleReturn: boolean;
}
