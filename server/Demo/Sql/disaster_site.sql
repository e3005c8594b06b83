-- Where the next demo disaster strikes: one of the poorest villages (lowest income median, at
-- least 40 households) at random — where a severe event tips most households to level II, as in
-- the seeds' cases — and a circle of $1 metres around its label point as GeoJSON, with its name.
SELECT code, name, ST_AsGeoJSON(ST_Buffer(label_point::geography, $1)::geometry, 6)
FROM (
    SELECT u.code, u.name, u.label_point
    FROM admin_unit u
    JOIN region_stats s ON s.subject_kind = 'unit' AND s.subject_id = u.code
    WHERE u.level = 5 AND u.label_point IS NOT NULL AND s.households >= 40 AND s.zone <> 'red'
    ORDER BY s.income_median NULLS LAST
    LIMIT 60
) poorest
ORDER BY random()
LIMIT 1
