-- Resettlement sites whose point lies in a region, with their stored figures (the columns of
-- FiguresColumns, then zone and scale flag). $1 the region (WKB, EPSG:4326).
SELECT s.site_id, s.name, s.village_code, s.capacity_households, s.relocated_households, s.relocated_people,
       s.labour_force, s.employed_labour,
       coalesce(r.households, 0), coalesce(r.monitored, 0), coalesce(r.level1, 0), coalesce(r.level2, 0),
       coalesce(r.level3, 0), coalesce(r.category_unstable, 0), coalesce(r.category_marginal, 0),
       coalesce(r.category_sudden, 0), coalesce(r.risk_type_counts, '{}')::text, coalesce(r.assisted, 0),
       coalesce(r.gap_should_monitor, 0), coalesce(r.gap_unassisted, 0), coalesce(r.gap_should_exit, 0),
       r.income_median, coalesce(r.zone, 'green'), coalesce(r.scale_return, false), ST_X(s.geom), ST_Y(s.geom)
FROM resettlement_site s
LEFT JOIN region_stats r ON r.subject_kind = 'site' AND r.subject_id = s.site_id
WHERE ST_Covers(ST_GeomFromWKB($1, 4326), s.geom)
ORDER BY s.site_id
