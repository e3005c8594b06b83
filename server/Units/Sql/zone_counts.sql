-- How many units of each level below one unit are in each zone ($1 first code, $2 span).
-- Units without figures count as green, as the tiles draw them.
SELECT u.level, coalesce(s.zone, 'green') AS zone, count(*)::int
FROM admin_unit u
LEFT JOIN region_stats s ON s.subject_kind = 'unit' AND s.subject_id = u.code
WHERE u.code > $1 AND u.code < $1 + $2
GROUP BY u.level, coalesce(s.zone, 'green')
