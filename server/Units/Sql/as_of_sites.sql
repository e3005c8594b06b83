-- The figures every resettlement site in a village of the code range [$1, $2] had at the moment $3:
-- its last history row from at or before it (one index probe a site); nulls for a site with no row
-- by then. Ordered by site id.
SELECT s.site_id, h.valid_from, h.households, h.monitored, h.level1, h.level2, h.level3, h.zone, h.scale_return
FROM resettlement_site s
LEFT JOIN LATERAL (
    SELECT valid_from, households, monitored, level1, level2, level3, zone, scale_return
    FROM region_stats_history
    WHERE subject_kind = 'site' AND subject_id = s.site_id AND valid_from <= $3
    ORDER BY valid_from DESC
    LIMIT 1
) h ON true
WHERE s.village_code BETWEEN $1 AND $2
ORDER BY s.site_id
