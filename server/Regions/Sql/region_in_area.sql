-- Whether a region ($1, WKB, EPSG:4326) lies within an area's outline ($2 its unit code): true,
-- false, or null when the unit has no outline.
SELECT ST_CoveredBy(ST_GeomFromWKB($1, 4326), geom) FROM admin_unit WHERE code = $2
