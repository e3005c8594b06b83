-- Units with their figures: either one unit ($1) or the children of one unit ($2).
SELECT u.code, u.level, u.name, u.parent_code, u.is_key_county, u.schematic,
       coalesce(s.households, 0), coalesce(s.monitored, 0), coalesce(s.level1, 0), coalesce(s.level2, 0),
       coalesce(s.level3, 0), coalesce(s.category_unstable, 0), coalesce(s.category_marginal, 0),
       coalesce(s.category_sudden, 0), coalesce(s.risk_type_counts, '{}')::text, coalesce(s.assisted, 0),
       coalesce(s.gap_should_monitor, 0), coalesce(s.gap_unassisted, 0), coalesce(s.gap_should_exit, 0),
       s.income_median, coalesce(s.zone, 'green'), coalesce(s.scale_return, false), coalesce(s.version, 0),
       s.updated_at,
       ARRAY(SELECT c.code FROM admin_unit c WHERE c.parent_code = u.code ORDER BY c.code) AS children
FROM admin_unit u
LEFT JOIN region_stats s ON s.subject_kind = 'unit' AND s.subject_id = u.code
WHERE ($1::bigint IS NOT NULL AND u.code = $1) OR ($2::bigint IS NOT NULL AND u.parent_code = $2)
ORDER BY u.code
