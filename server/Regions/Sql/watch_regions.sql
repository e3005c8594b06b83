-- Saved regions with their stored figures (the columns of FiguresColumns, then zone, scale flag,
-- version and when the figures last changed): one region ($1) or all ($1 null); the outline as
-- GeoJSON only when $2; those saved from within the area [$4, $5] (any with $3).
SELECT w.region_id, w.name, w.area_km2, w.created_at, w.updated_at,
       CASE WHEN $2 THEN ST_AsGeoJSON(w.geom, 6) END,
       coalesce(s.households, 0), coalesce(s.monitored, 0), coalesce(s.level1, 0), coalesce(s.level2, 0),
       coalesce(s.level3, 0), coalesce(s.category_unstable, 0), coalesce(s.category_marginal, 0),
       coalesce(s.category_sudden, 0), coalesce(s.risk_type_counts, '{}')::text, coalesce(s.assisted, 0),
       coalesce(s.gap_should_monitor, 0), coalesce(s.gap_unassisted, 0), coalesce(s.gap_should_exit, 0),
       s.income_median, coalesce(s.zone, 'green'), coalesce(s.scale_return, false), coalesce(s.version, 0), s.updated_at
FROM watch_region w
LEFT JOIN region_stats s ON s.subject_kind = 'region' AND s.subject_id = w.region_id
WHERE ($1::bigint IS NULL OR w.region_id = $1) AND ($3 OR w.scope_code BETWEEN $4 AND $5)
ORDER BY w.region_id
