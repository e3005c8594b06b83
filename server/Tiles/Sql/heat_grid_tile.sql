-- One risk-heat tile at a low zoom, from the per-village zoom-14 sums (heat_cell, migration 0016)
-- instead of the households: each of the tile's cells is a whole block of zoom-14 cells.
-- $1 z, $2 x, $3 y, $4 layer name, $5 extent, $6 (unused), $7 feature cap, $8 cell size in tile
-- units (a power of two dividing the extent), $9 fewest households in a cell, $10 and $11 the
-- audience's code range. Only for zooms where a cell spans at least one zoom-14 cell
-- (z + log2(extent / cell size) <= 14; TileQueries decides).
WITH
grid AS (
    SELECT ($5 / $8)::int AS side,                                     -- cells a tile side
           14 - $1 - round(log(2, ($5 / $8)::numeric))::int AS shift    -- zoom-14 cells a cell side, as a power of two
),
cells AS (
    SELECT (c.cx >> g.shift) - $2 * g.side AS tx,
           (c.cy >> g.shift) - $3 * g.side AS ty,
           (sum(c.weight_milli) / 1000.0)::real AS weight,
           sum(c.households)::int AS households
    FROM heat_cell c, grid g
    WHERE c.cx BETWEEN ($2 * g.side) << g.shift AND ((($2 + 1) * g.side) << g.shift) - 1
      AND c.cy BETWEEN ($3 * g.side) << g.shift AND ((($3 + 1) * g.side) << g.shift) - 1
      AND c.village_code BETWEEN $10 AND $11
    GROUP BY 1, 2
    HAVING sum(c.households) >= $9
    ORDER BY weight DESC, tx, ty
    LIMIT $7
)
SELECT ST_AsMVT(f, $4, $5, 'geom')
FROM (SELECT weight, households, ST_MakePoint(tx * $8 + $8 / 2, ty * $8 + $8 / 2) AS geom
      FROM cells ORDER BY tx, ty) f
