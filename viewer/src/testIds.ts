// Selectors browser tests touch; the C# page objects mirror these names (style.md).
export const TestIds = {
  map: "map",
  legend: "legend",
  schematicNotice: "schematic-notice",
  attribution: "data-attribution",
  unitCard: "unit-card",
  unitCardName: "unit-card-name",
  unitCardClose: "unit-card-close",
  unitLabel: "unit-label",
  loadError: "load-error",
  connectionState: "connection-state",
  dataAsOf: "data-as-of",
  alertTicker: "alert-ticker",
  alertTickerItem: "alert-ticker-item",
  alertMarker: "alert-marker",
  languageSwitch: "language-switch",
  wall: "wall",
  wallTitle: "wall-title",
  /** Each KPI tile is `kpi-<id>` (wall/kpis.ts) with its number in `kpi-value`. */
  kpiValue: "kpi-value",
  alertTakeover: "alert-takeover",
  tourCaption: "tour-caption",
  trendChart: "trend-chart",
  openPlanner: "open-planner",
  planner: "planner",
  /** Each shape button is `draw-<shape>` (planner/RegionDraw.ts: polygon, rectangle, circle). */
  drawClear: "draw-clear",
  /** The region's figures; each value is a `dd` with `data-row=<key>` (households, shareAtLeastTwo, …). */
  regionFigures: "region-figures",
  regionStatus: "region-status",
  regionUnits: "region-units",
  regionSites: "region-sites",
  visitList: "visit-list",
  visitStatus: "visit-status",
  saveName: "save-name",
  saveButton: "save-button",
  saveStatus: "save-status",
  exportButtons: "export-buttons",
} as const;

/** The attribute the map container carries: "loading", "busy", "idle" or "error". */
export const MapStateAttribute = "data-map-state";

/** The attribute the connection state carries: "connecting", "live" or "offline" (live/connectionState.ts). */
export const ConnectionStateAttribute = "data-state";
