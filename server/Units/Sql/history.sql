-- A unit's figures over time (one row per change), oldest first, within [$2, $3).
SELECT valid_from, households, monitored, level1, level2, level3, zone, scale_return
FROM region_stats_history
WHERE subject_kind = 'unit' AND subject_id = $1 AND valid_from >= $2 AND valid_from < $3
ORDER BY valid_from
LIMIT 5000
