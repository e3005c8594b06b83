-- A unit's figures over time (one row per change) within [$2, $3), oldest first: the newest 5,000
-- when there are more, so a long period still ends at its last change.
SELECT * FROM (
    SELECT valid_from, households, monitored, level1, level2, level3, zone, scale_return
    FROM region_stats_history
    WHERE subject_kind = 'unit' AND subject_id = $1 AND valid_from >= $2 AND valid_from < $3
    ORDER BY valid_from DESC
    LIMIT 5000
) h
ORDER BY valid_from
