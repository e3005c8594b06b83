-- Outlines of some units as GeoJSON (EPSG:4326, 6 decimals ≈ 0.1 m), for exports. $1 unit codes.
SELECT code, ST_AsGeoJSON(geom, 6) FROM admin_unit WHERE code = ANY($1) AND geom IS NOT NULL
