-- One tile of a polygon layer (counties, townships, villages).
-- $1 z, $2 x, $3 y, $4 layer name, $5 extent, $6 buffer, $7 feature cap, $8 admin level.
WITH
-- the tile in Web Mercator for ST_AsMVTGeom, and once in the data's SRID (4326, with the
-- buffer) so the filter is `geom && box` on the GiST index, never a transformed column;
-- grid: a quarter of a tile unit in degrees, for the per-zoom vertex snap below
bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS merc,
           ST_Transform(ST_TileEnvelope($1, $2, $3, margin => $6::int::float8 / $5::int), 4326) AS geo,
           360.0 / ($5 * 2 ^ $1) / 4 AS grid
),
-- the units of this level touching the tile, largest first so a capped tile keeps the visible ones
units AS (
    SELECT u.code, u.name, u.is_key_county, u.geom
    FROM admin_unit u, bounds b
    WHERE u.level = $8 AND u.geom && b.geo
    ORDER BY u.area_km2 DESC NULLS LAST, u.code
    LIMIT $7
),
-- (materialized: ST_AsMVTGeom runs once per row, not again for the NOT NULL filter)
-- snap every vertex to the zoom's grid (a pure function of the vertex, so two neighbours keep
-- the same shared border), then clip and quantise to the tile grid; figures default to green/zero
features AS MATERIALIZED (
    SELECT u.code AS id,
           u.code::text AS code,
           u.name,
           CASE WHEN $8 = 3 THEN u.is_key_county END AS key_county,
           coalesce(s.zone, 'green') AS zone,
           coalesce(s.scale_return, false) AS scale_return,
           coalesce(s.households, 0) AS households,
           coalesce(s.level1, 0) AS level1,
           coalesce(s.level2, 0) AS level2,
           coalesce(s.level3, 0) AS level3,
           coalesce((s.level2 + s.level3)::real / nullif(s.households, 0), 0)::real AS share2,
           coalesce(s.gap_should_monitor, 0) AS gap_should_monitor,
           coalesce(s.gap_unassisted, 0) AS gap_unassisted,
           coalesce(s.gap_should_exit, 0) AS gap_should_exit,
           ST_AsMVTGeom(ST_Transform(ST_SnapToGrid(u.geom, b.grid), 3857), b.merc, $5, $6, true) AS geom
    FROM units u
    CROSS JOIN bounds b
    LEFT JOIN region_stats s ON s.subject_kind = 'unit' AND s.subject_id = u.code
)
-- ordered by code so the same rows always give the same bytes (and ETag)
SELECT ST_AsMVT(f, $4, $5, 'geom', 'id')
FROM (SELECT * FROM features WHERE geom IS NOT NULL ORDER BY id) f
