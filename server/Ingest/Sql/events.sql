-- A page of area events, newest first ($1 limit, $2 offset), that the area [$3, $4] may see (all
-- with $5): those reported from within it, and those that touched a village in it.
SELECT event_id, event_type, risk_type, severity, occurred_on, households_marked, villages_touched, repairs,
       ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)], received_at, scope_code
FROM area_event
WHERE $5 OR scope_code BETWEEN $3 AND $4
   OR EXISTS (SELECT 1 FROM unnest(villages_touched) AS v (code) WHERE v.code BETWEEN $3 AND $4)
ORDER BY received_at DESC, event_id
LIMIT $1 OFFSET $2
