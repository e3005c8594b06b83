// Resettlement sites (易地扶贫搬迁安置点): circles sized by relocated households, coloured by share ≥ II.
import type { CircleLayerSpecification, ExpressionSpecification } from "maplibre-gl";
import { shareColorExpression } from "./palette";

/**
 * Radius in pixels: area grows with households (square root), so a 3,000-household county-town
 * site does not swamp the ~37-household mean (domain.md).
 */
export function siteRadius(households: number): number {
  const h = Math.max(0, Number.isFinite(households) ? households : 0);
  return Math.min(4 + Math.sqrt(h) * 0.45, 28);
}

export function siteRadiusExpression(): ExpressionSpecification {
  const stops = [0, 10, 40, 150, 600, 3000];
  return [
    "interpolate", ["linear"], ["coalesce", ["get", "households"], 0],
    ...stops.flatMap((h) => [h, siteRadius(h)]),
  ] as ExpressionSpecification;
}

export function siteCircleLayer(): CircleLayerSpecification {
  return {
    id: "sites-circle",
    type: "circle",
    source: "sites",
    "source-layer": "sites",
    paint: {
      "circle-radius": siteRadiusExpression(),
      // a feature state share2 (replay) comes before the tile's
      "circle-color": shareColorExpression("share2", true) as ExpressionSpecification,
      "circle-opacity": 0.9,
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1.2,
    },
  };
}
