-- One area event ($1) with its outline as GeoJSON (7 decimals: about 1 cm), when the area [$2, $3]
-- may see it (always with $4): reported from within it, or touching a village in it.
SELECT event_id, event_type, risk_type, severity, occurred_on, households_marked, villages_touched, repairs,
       ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)], received_at, scope_code, ST_AsGeoJSON(geom, 7)
FROM area_event
WHERE event_id = $1
  AND ($4 OR scope_code BETWEEN $2 AND $3
       OR EXISTS (SELECT 1 FROM unnest(villages_touched) AS v (code) WHERE v.code BETWEEN $2 AND $3))
