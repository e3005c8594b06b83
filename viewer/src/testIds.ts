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
} as const;

/** The attribute the map container carries: "loading", "busy", "idle" or "error". */
export const MapStateAttribute = "data-map-state";
