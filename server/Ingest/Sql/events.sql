-- A page of area events, newest first ($1 limit, $2 offset).
SELECT event_id, event_type, risk_type, severity, occurred_on, households_marked, villages_touched, repairs,
       ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)], received_at
FROM area_event
ORDER BY received_at DESC, event_id
LIMIT $1 OFFSET $2
