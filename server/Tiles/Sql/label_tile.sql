-- One tile of the labels layer: a point inside each unit, never outside its polygon.
-- $1 z, $2 x, $3 y, $4 layer name, $5 extent, $6 buffer, $7 feature cap, $8 deepest admin level shown,
-- $9 and $10 the audience's code range (units outside it, its ancestors included, are left out).
WITH
-- the tile in Web Mercator, and once in 4326 (with the buffer) for the GiST filter
bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS merc,
           ST_Transform(ST_TileEnvelope($1, $2, $3, margin => $6::int::float8 / $5::int), 4326) AS geo
),
-- units whose polygon touches the tile (index), with the stored label point or one on the surface
units AS (
    SELECT u.code, u.name, u.level, coalesce(u.label_point, ST_PointOnSurface(u.geom)) AS point
    FROM admin_unit u, bounds b
    WHERE u.level BETWEEN 2 AND $8 AND u.geom && b.geo AND u.code BETWEEN $9 AND $10
),
-- only the points inside the tile; higher levels first when capped
features AS MATERIALIZED (
    SELECT u.code AS id,
           u.code::text AS code,
           u.name,
           u.level::int AS level,
           coalesce(s.zone, 'green') AS zone,
           ST_AsMVTGeom(ST_Transform(u.point, 3857), b.merc, $5, $6, true) AS geom
    FROM units u
    CROSS JOIN bounds b
    LEFT JOIN region_stats s ON s.subject_kind = 'unit' AND s.subject_id = u.code
    WHERE u.point && b.geo
    ORDER BY u.level, u.code
    LIMIT $7
)
SELECT ST_AsMVT(f, $4, $5, 'geom', 'id')
FROM (SELECT * FROM features WHERE geom IS NOT NULL ORDER BY id) f
