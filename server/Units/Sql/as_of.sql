-- The figures every unit in the code range [$1, $2] had at the moment $3: for each, the last
-- history row from at or before it (one index probe a unit, newest first); nulls for a unit with no
-- row by then (no households yet). Ordered by code, so a parent comes before its children.
SELECT u.code, u.level, h.valid_from, h.households, h.monitored, h.level1, h.level2, h.level3, h.zone, h.scale_return
FROM admin_unit u
LEFT JOIN LATERAL (
    SELECT valid_from, households, monitored, level1, level2, level3, zone, scale_return
    FROM region_stats_history
    WHERE subject_kind = 'unit' AND subject_id = u.code AND valid_from <= $3
    ORDER BY valid_from DESC
    LIMIT 1
) h ON true
WHERE u.code BETWEEN $1 AND $2
ORDER BY u.code
