// How a unit's figures from a Changes frame land on the map: as feature state of the unit's polygon, keyed by
// its code (the tiles' feature id and promoteId, docs/api.md), under the tile property names the
// fill expressions read (unitLayers.liveValue). Pure.
import type { UnitStats } from "../live/messages";
import type { UnitLayer } from "./unitLayers";

const LayerOfLevel: Partial<Record<UnitStats["level"], UnitLayer>> = {
  county: "counties",
  township: "townships",
  village: "villages",
};

/** The polygon layers whose every drawn property is mirrored by feature state: they never need a refetch for figures. */
export const FeatureStateLayers: ReadonlySet<string> = new Set<string>(Object.values(LayerOfLevel));

/**
 * Layers a TilesInvalidated need not refetch: the polygons (feature state), and the labels, of which
 * the viewer draws only the name at its point, and figures change neither. Refetching them anyway
 * would keep a busy wall loading tiles every tick for nothing. The others shown (sites: size and
 * colour from their figures) are refetched.
 */
export const NoRefetchLayers: ReadonlySet<string> = new Set<string>([...FeatureStateLayers, "labels"]);

export interface FeatureTarget {
  source: UnitLayer;
  id: string;
}

/** The polygon a unit's figures colour; null for provinces, prefectures and sites (not drawn as polygons). */
export function featureTarget(stats: UnitStats): FeatureTarget | null {
  return stats.kind === "unit" ? unitTarget(stats.level, stats.id) : null;
}

/** The polygon of the unit `code` of `level`; null for the levels not drawn as polygons. */
export function unitTarget(level: string, code: string): FeatureTarget | null {
  const source = LayerOfLevel[level as UnitStats["level"]];
  return source ? { source, id: code } : null;
}

/** The tile properties the message replaces (docs/api.md § Layers), same names, same meaning. */
export function featureState(stats: UnitStats): Record<string, string | number | boolean> {
  return {
    zone: stats.zone,
    share2: stats.shareAtLeastII,
    scale_return: stats.scaleReturn,
    households: stats.households,
    level1: stats.level1,
    level2: stats.level2,
    level3: stats.level3,
    gap_should_monitor: stats.gapShouldMonitor,
    gap_unassisted: stats.gapUnassisted,
    gap_should_exit: stats.gapShouldExit,
  };
}
