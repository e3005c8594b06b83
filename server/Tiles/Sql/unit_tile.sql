-- One tile of a polygon layer (counties, townships, villages) for one audience.
-- $1 z, $2 x, $3 y, $4 layer name, $5 extent, $6 buffer, $7 feature cap, $8 admin level,
-- $9 and $10 the audience's code range (units outside it are left out), $11 k: household counts
-- from 1 to k - 1 are left out (NULL: ST_AsMVT writes no property), and the share computed from them.
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
    WHERE u.level = $8 AND u.geom && b.geo AND u.code BETWEEN $9 AND $10
    ORDER BY u.area_km2 DESC NULLS LAST, u.code
    LIMIT $7
),
-- (materialized: ST_AsMVTGeom runs once per row, not again for the NOT NULL filter)
-- the figures, zero when a unit has none yet
figures AS (
    SELECT u.code,
           coalesce(s.zone, 'green') AS zone,
           coalesce(s.scale_return, false) AS scale_return,
           coalesce(s.households, 0) AS households,
           coalesce(s.level1, 0) AS level1,
           coalesce(s.level2, 0) AS level2,
           coalesce(s.level3, 0) AS level3,
           coalesce(s.gap_should_monitor, 0) AS gap_should_monitor,
           coalesce(s.gap_unassisted, 0) AS gap_unassisted,
           coalesce(s.gap_should_exit, 0) AS gap_should_exit
    FROM units u
    LEFT JOIN region_stats s ON s.subject_kind = 'unit' AND s.subject_id = u.code
),
-- snap every vertex to the zoom's grid (a pure function of the vertex, so two neighbours keep
-- the same shared border), then clip and quantise to the tile grid; small counts withheld
features AS MATERIALIZED (
    SELECT u.code AS id,
           u.code::text AS code,
           u.name,
           CASE WHEN $8 = 3 THEN u.is_key_county END AS key_county,
           f.zone,
           f.scale_return,
           CASE WHEN f.households > 0 AND f.households < $11 THEN NULL ELSE f.households END AS households,
           CASE WHEN f.level1 > 0 AND f.level1 < $11 THEN NULL ELSE f.level1 END AS level1,
           CASE WHEN f.level2 > 0 AND f.level2 < $11 THEN NULL ELSE f.level2 END AS level2,
           CASE WHEN f.level3 > 0 AND f.level3 < $11 THEN NULL ELSE f.level3 END AS level3,
           CASE WHEN (f.level2 + f.level3 > 0 AND f.level2 + f.level3 < $11) OR (f.households > 0 AND f.households < $11) THEN NULL
                ELSE coalesce((f.level2 + f.level3)::real / nullif(f.households, 0), 0)::real END AS share2,
           CASE WHEN f.gap_should_monitor > 0 AND f.gap_should_monitor < $11 THEN NULL ELSE f.gap_should_monitor END AS gap_should_monitor,
           CASE WHEN f.gap_unassisted > 0 AND f.gap_unassisted < $11 THEN NULL ELSE f.gap_unassisted END AS gap_unassisted,
           CASE WHEN f.gap_should_exit > 0 AND f.gap_should_exit < $11 THEN NULL ELSE f.gap_should_exit END AS gap_should_exit,
           ST_AsMVTGeom(ST_Transform(ST_SnapToGrid(u.geom, b.grid), 3857), b.merc, $5, $6, true) AS geom
    FROM units u
    JOIN figures f ON f.code = u.code
    CROSS JOIN bounds b
)
-- ordered by code so the same rows always give the same bytes (and ETag)
SELECT ST_AsMVT(f, $4, $5, 'geom', 'id')
FROM (SELECT * FROM features WHERE geom IS NOT NULL ORDER BY id) f
