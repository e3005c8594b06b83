-- Judges a drawn region: valid as a polygon (and if not, why and where), its area, the largest
-- province's area (null when no province has an outline; a province's stored area_km2, or its
-- outline's when none is stored), and the geometry as WKB for the queries that follow.
-- $1 the region as a GeoJSON MultiPolygon in EPSG:4326 (structure and coordinates already checked).
WITH given AS (
    -- the outline as drawn
    SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g
)
SELECT ST_IsValid(g),
       ST_IsValidReason(g),
       -- km² in the equal-area projection admin_unit.area_km2 uses (EPSG:6933)
       ST_Area(ST_Transform(g, 6933)) / 1e6,
       (SELECT max(coalesce(area_km2, ST_Area(ST_Transform(geom, 6933)) / 1e6)) FROM admin_unit WHERE level = 1 AND geom IS NOT NULL),
       ST_NPoints(g),
       ST_AsBinary(g)
FROM given
