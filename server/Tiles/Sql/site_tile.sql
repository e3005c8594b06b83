-- One tile of the resettlement sites layer for one audience.
-- $1 z, $2 x, $3 y, $4 layer name, $5 extent, $6 buffer, $7 feature cap, $8 and $9 the audience's
-- code range (sites in villages outside it are left out), $10 k: the share at level II or above is
-- left out when it counts, or is out of, 1 to k - 1 households. (households is the site's register
-- of relocated households, a public figure of the site, not a count from household records.)
WITH
-- the tile in Web Mercator, and once in 4326 (with the buffer) for the GiST filter
bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS merc,
           ST_Transform(ST_TileEnvelope($1, $2, $3, margin => $6::int::float8 / $5::int), 4326) AS geo
),
-- sites in the tile with their figures; the largest first when capped
features AS MATERIALIZED (
    SELECT r.site_id AS id,
           r.name,
           r.relocated_households AS households,
           CASE WHEN (s.level2 + s.level3 > 0 AND s.level2 + s.level3 < $10) OR (s.households > 0 AND s.households < $10) THEN NULL
                ELSE coalesce((s.level2 + s.level3)::real / nullif(s.households, 0), 0)::real END AS share2,
           coalesce(r.employed_labour::real / nullif(r.labour_force, 0), 0)::real AS employed_share,
           coalesce(s.zone, 'green') AS zone,
           ST_AsMVTGeom(ST_Transform(r.geom, 3857), b.merc, $5, $6, true) AS geom
    FROM resettlement_site r
    CROSS JOIN bounds b
    LEFT JOIN region_stats s ON s.subject_kind = 'site' AND s.subject_id = r.site_id
    WHERE r.geom && b.geo AND r.village_code BETWEEN $8 AND $9
    ORDER BY r.relocated_households DESC, r.site_id
    LIMIT $7
)
SELECT ST_AsMVT(f, $4, $5, 'geom', 'id')
FROM (SELECT * FROM features WHERE geom IS NOT NULL ORDER BY id) f
