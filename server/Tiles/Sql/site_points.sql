-- Positions of the given resettlement sites, for tile invalidation. $1 bigint[] site ids.
SELECT site_id, ST_X(geom), ST_Y(geom) FROM resettlement_site WHERE site_id = ANY($1)
