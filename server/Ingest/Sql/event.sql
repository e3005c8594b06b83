-- One area event ($1) with its outline as GeoJSON (7 decimals: about 1 cm).
SELECT event_id, event_type, risk_type, severity, occurred_on, households_marked, villages_touched, repairs,
       ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)], received_at, ST_AsGeoJSON(geom, 7)
FROM area_event
WHERE event_id = $1
