-- A new area event ($6: its outline as WKB) reported by $9 from area $10 (NULL: the whole
-- country); counts filled in when its households are marked.
INSERT INTO area_event (event_id, event_type, risk_type, severity, occurred_on, geom, repairs, received_at, reported_by, scope_code)
VALUES ($1, $2, $3, $4, $5, ST_GeomFromWKB($6, 4326), $7, $8, $9, $10)
RETURNING ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)]
