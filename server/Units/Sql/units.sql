-- Units with their figures: one unit ($1), the children of one unit ($2), or, with neither, the
-- units without a parent (the roots a viewer starts from).
SELECT u.code, u.level, u.name, u.parent_code, u.is_key_county, u.schematic,
       coalesce(s.households, 0), coalesce(s.monitored, 0), coalesce(s.level1, 0), coalesce(s.level2, 0),
       coalesce(s.level3, 0), coalesce(s.category_unstable, 0), coalesce(s.category_marginal, 0),
       coalesce(s.category_sudden, 0), coalesce(s.risk_type_counts, '{}')::text, coalesce(s.assisted, 0),
       coalesce(s.gap_should_monitor, 0), coalesce(s.gap_unassisted, 0), coalesce(s.gap_should_exit, 0),
       s.income_median, coalesce(s.zone, 'green'), coalesce(s.scale_return, false), coalesce(s.version, 0),
       s.updated_at,
       ARRAY(SELECT c.code FROM admin_unit c WHERE c.parent_code = u.code ORDER BY c.code) AS children,
       -- where a map puts the unit: its extent and a point inside it (null without a geometry)
       ST_XMin(u.geom), ST_YMin(u.geom), ST_XMax(u.geom), ST_YMax(u.geom),
       ST_X(coalesce(u.label_point, ST_PointOnSurface(u.geom))), ST_Y(coalesce(u.label_point, ST_PointOnSurface(u.geom))),
       coalesce(u.official_name, u.name)
FROM admin_unit u
LEFT JOIN region_stats s ON s.subject_kind = 'unit' AND s.subject_id = u.code
WHERE ($1::bigint IS NOT NULL AND u.code = $1)
   OR ($2::bigint IS NOT NULL AND u.parent_code = $2)
   OR ($1::bigint IS NULL AND $2::bigint IS NULL AND u.parent_code IS NULL)
ORDER BY u.code
