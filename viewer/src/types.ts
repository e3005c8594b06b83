// Shapes of the server's JSON (docs/api.md).

export interface TileJson {
  tilejson: string;
  name: string;
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds?: [number, number, number, number];
  attribution?: string | null;
}

export type Zone = "red" | "yellow" | "green";
export type UnitLevel = "province" | "prefecture" | "county" | "township" | "village";

export interface WorkGaps {
  shouldMonitor: number;
  unassisted: number;
  shouldExit: number;
}

/** Households by warning level: what every group of figures (unit, county group, history point) carries. */
export interface LevelCounts {
  households: number;
  monitored: number;
  level1: number;
  level2: number;
  level3: number;
  shareAtLeastTwo: number;
}

export interface UnitFigures extends LevelCounts {
  shareThree: number;
  /** households per risk type key (illness, disaster_flood, …), non-zero ones; null where withheld */
  riskTypes?: Record<string, number | null>;
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

export interface CountyGroup extends LevelCounts {
  counties: number;
  redCounties: number;
  workGaps: number;
}

export interface Unit {
  code: string;
  level: UnitLevel;
  /** the place as people name it (特口甲谷村) */
  name: string;
  /** the name in the statistical division codes (特口甲谷村村民委员会) */
  officialName?: string;
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
export interface HistoryPoint extends LevelCounts {
  validFrom: string;
  zone: Zone;
  scaleReturn: boolean;
}

/** One result of GET /api/units/search. */
export interface UnitSearchHit {
  code: string;
  level: UnitLevel;
  name: string;
  /** Ancestors inside the caller's area, top first. */
  path: { code: string; name: string }[];
  bbox: [number, number, number, number] | null;
  labelPoint: [number, number] | null;
}
