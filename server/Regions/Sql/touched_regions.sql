-- Saved regions a household change may have moved, locked against deletion (KEY SHARE) until the
-- transaction ends, in id order. $1 codes of the villages whose households changed; $2, $3 the
-- longitudes and latitudes of households that moved or lie outside their village (their old
-- positions too), which may be in a region that no changed village's outline meets.
SELECT w.region_id
FROM watch_region w
WHERE w.region_id IN (
    -- regions meeting a changed village's outline
    SELECT wr.region_id FROM admin_unit v JOIN watch_region wr ON wr.geom && v.geom AND ST_Intersects(wr.geom, v.geom)
    WHERE v.code = ANY($1)
    UNION
    -- regions holding a household of a changed village that lies outside the village
    SELECT wr.region_id FROM household_outside_village o JOIN watch_region wr ON wr.geom && o.geom AND ST_Intersects(wr.geom, o.geom)
    WHERE o.village_code = ANY($1)
    UNION
    -- regions holding a position given by the caller
    SELECT wr.region_id FROM unnest($2::float8[], $3::float8[]) AS p(lon, lat)
    JOIN watch_region wr ON ST_Intersects(wr.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))
)
ORDER BY w.region_id
FOR KEY SHARE
