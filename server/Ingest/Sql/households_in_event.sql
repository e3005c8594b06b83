-- The households whose point lies in event $1's outline (GiST on household.geom) and whose
-- village lies in the reporter's area [$3, $4], at most $2, locked in key order before any
-- figures are locked, as every household write does, so concurrent writers cannot deadlock with
-- an event.
SELECT h.county_code, h.household_id, h.village_code
FROM area_event e
JOIN household h ON ST_Intersects(h.geom, e.geom)
WHERE e.event_id = $1 AND h.village_code BETWEEN $3 AND $4
ORDER BY h.county_code, h.household_id
LIMIT $2
FOR UPDATE OF h
