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
  updatedAt: string;
}
