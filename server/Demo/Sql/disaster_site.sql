-- Where the next demo disaster strikes: a village with households at random, and a circle of
-- $1 metres around its label point as GeoJSON, with the village's name.
SELECT u.code, u.name, ST_AsGeoJSON(ST_Buffer(u.label_point::geography, $1)::geometry, 6)
FROM admin_unit u
WHERE u.level = 5 AND u.label_point IS NOT NULL
  AND EXISTS (SELECT 1 FROM region_stats s WHERE s.subject_kind = 'unit' AND s.subject_id = u.code AND s.households >= 40)
ORDER BY random()
LIMIT 1
