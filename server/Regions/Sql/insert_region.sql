-- A new saved region (its outline already judged valid and small enough). $1 name, $2 outline
-- (WKB, EPSG:4326), $3 area (km²), $4 now, $5 who saved it, $6 from which area (NULL: the whole country).
INSERT INTO watch_region (name, geom, area_km2, created_at, updated_at, created_by, scope_code)
VALUES ($1, ST_Multi(ST_GeomFromWKB($2, 4326)), $3, $4, $4, $5, $6)
RETURNING region_id
