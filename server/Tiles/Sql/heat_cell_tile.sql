-- One risk-heat tile below the points zoom: households summed into cells of the tile's grid.
-- No household id, name or exact position leaves the database.
-- $1 z, $2 x, $3 y, $4 layer name, $5 extent, $6 (unused: cells never cross tiles), $7 feature cap,
-- $8 cell size in tile units (a power of two dividing the extent), $9 fewest households in a cell,
-- $10 and $11 the audience's code range (households of villages outside it are left out).
WITH
-- the tile once in 4326 for the GiST filter
bounds AS (
    SELECT ST_Transform(ST_TileEnvelope($1, $2, $3), 4326) AS geo
),
-- households at risk, in tile coordinates: the Web Mercator projection of a WGS 84 point written out,
-- rounded as ST_AsMVTGeom rounds (the same integers; ~13x cheaper than ST_Transform and
-- ST_AsMVTGeom per row, which made a prefecture-view tile of ~100 k households take seconds)
points AS MATERIALIZED (
    SELECT round((((ST_X(h.geom) + 180) / 360) * 2 ^ $1 - $2) * $5) AS px,
           round(((1 - ln(tan(radians(ST_Y(h.geom))) + 1 / cos(radians(ST_Y(h.geom)))) / pi()) / 2 * 2 ^ $1 - $3) * $5) AS py,
           h.risk_score
    FROM household h, bounds b
    WHERE h.geom && b.geo AND h.risk_score > 0 AND h.village_code BETWEEN $10 AND $11
),
-- summed per cell (a point on the far edge belongs to the last cell); small cells suppressed
cells AS (
    SELECT least(floor(px / $8)::int, $5 / $8 - 1) AS cx,
           least(floor(py / $8)::int, $5 / $8 - 1) AS cy,
           sum(risk_score)::real AS weight,
           count(*)::int AS households
    FROM points
    WHERE px BETWEEN 0 AND $5 AND py BETWEEN 0 AND $5
    GROUP BY 1, 2
    HAVING count(*) >= $9
    ORDER BY weight DESC, cx, cy
    LIMIT $7
)
SELECT ST_AsMVT(f, $4, $5, 'geom')
FROM (SELECT weight, households, ST_MakePoint(cx * $8 + $8 / 2, cy * $8 + $8 / 2) AS geom
      FROM cells ORDER BY cx, cy) f
