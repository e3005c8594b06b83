-- One risk-heat tile from the points zoom: one point per household at risk, weight and level only
-- (no id, no name), for audiences that may see single households. $1 z, $2 x, $3 y, $4 layer name,
-- $5 extent, $6 buffer, $7 feature cap, $8 and $9 the audience's code range.
WITH
-- the tile in Web Mercator, and once in 4326 (with the buffer) for the GiST filter
bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS merc,
           ST_Transform(ST_TileEnvelope($1, $2, $3, margin => $6::int::float8 / $5::int), 4326) AS geo
),
-- the riskiest households first when capped; position breaks ties so bytes are repeatable
features AS MATERIALIZED (
    SELECT h.risk_score::real AS weight,
           h.risk_level::int AS level,
           ST_AsMVTGeom(ST_Transform(h.geom, 3857), b.merc, $5, $6, true) AS geom
    FROM household h, bounds b
    WHERE h.geom && b.geo AND h.risk_score > 0 AND h.village_code BETWEEN $8 AND $9
    ORDER BY h.risk_score DESC, ST_X(h.geom), ST_Y(h.geom)
    LIMIT $7
)
SELECT ST_AsMVT(f, $4, $5, 'geom')
FROM (SELECT * FROM features WHERE geom IS NOT NULL) f
