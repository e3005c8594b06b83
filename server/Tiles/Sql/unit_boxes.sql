-- Bounding boxes of the given units, for tile invalidation. $1 bigint[] unit codes.
SELECT code, level, ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
FROM (SELECT code, level, Box2D(geom) AS b FROM admin_unit WHERE code = ANY($1) AND geom IS NOT NULL) q
