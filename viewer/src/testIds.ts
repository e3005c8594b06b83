// Selectors browser tests touch; the C# page objects mirror these names (style.md).
export const TestIds = {
  map: "map",
  legend: "legend",
  /** The heat layer's switch (aria-pressed) and its legend entry (only while on). */
  heatToggle: "heat-toggle",
  legendHeat: "legend-heat",
  schematicNotice: "schematic-notice",
  attribution: "data-attribution",
  unitCard: "unit-card",
  unitCardName: "unit-card-name",
  unitCardClose: "unit-card-close",
  unitCardTrend: "unit-card-trend",
  /** The card's line while replaying: its figures are those of the moment replayed. */
  unitCardReplay: "unit-card-replay",
  /** A child unit listed on the card (`data-code`): choosing it drills into it. */
  unitCardChild: "unit-card-child",
  /** The desk's breadcrumb; each step `breadcrumb-step` with `data-code` (a button above the last). */
  breadcrumb: "breadcrumb",
  breadcrumbStep: "breadcrumb-step",
  /** The search box and its results (`data-code` on each). */
  unitSearch: "unit-search",
  unitSearchResult: "unit-search-result",
  unitLabel: "unit-label",
  loadError: "load-error",
  connectionState: "connection-state",
  dataAsOf: "data-as-of",
  alertTicker: "alert-ticker",
  alertTickerItem: "alert-ticker-item",
  alertMarker: "alert-marker",
  /** Replay: the desk's button, its bar (`data-at`: the moment shown, ISO; absent while loading), slider, steps and way back. */
  /** The alert rules (administrators): the status bar's button and panel, an error (`data-field` when it is one field's), save, and what saving did. */
  rules: "rules",
  rulesError: "rules-error",
  rulesSave: "rules-save",
  rulesStatus: "rules-status",
  replayToggle: "replay-toggle",
  replayBar: "replay-bar",
  replaySlider: "replay-slider",
  replayTime: "replay-time",
  replayBack: "replay-back",
  replayForward: "replay-forward",
  replayLive: "replay-live",
  /** A unit's alert open at the moment replayed (`data-code`). */
  replayMarker: "replay-marker",
  /** The desk's alert filter (a details element); each checkbox is `alert-filter-option` with `data-value` (alerts/alertFilter.ts). */
  alertFilter: "alert-filter",
  alertFilterOption: "alert-filter-option",
  /** How many open alerts the filter hides, beside the ticker's title (absent when none). */
  alertHiddenCount: "alert-hidden-count",
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
