-- The counties, townships and villages a region touches, whether it covers each one whole
-- (ST_Covers: no point of the unit lies outside the region, borders included), with the unit's
-- stored figures. $1 the region (WKB, EPSG:4326). The region is prepared once by PostGIS and
-- tested against each unit the GiST index finds under its box.
-- income_token names the version of the unit's figures row while its income median is fresh
-- (null while stale): every change of the households' incomes makes a new row version, marked
-- stale, before a fresh one; with the households' generation it tells VillageIncomeCache whether
-- a copy of the village's incomes still holds.
WITH region AS (
    SELECT ST_GeomFromWKB($1, 4326) AS g
)
SELECT u.code, u.level, u.name, ST_Covers(r.g, u.geom) AS whole,
       coalesce(s.households, 0), coalesce(s.monitored, 0), coalesce(s.level1, 0), coalesce(s.level2, 0),
       coalesce(s.level3, 0), coalesce(s.category_unstable, 0), coalesce(s.category_marginal, 0),
       coalesce(s.category_sudden, 0), coalesce(s.risk_type_counts, '{}')::text, coalesce(s.assisted, 0),
       coalesce(s.gap_should_monitor, 0), coalesce(s.gap_unassisted, 0), coalesce(s.gap_should_exit, 0),
       s.income_median, coalesce(s.zone, 'green'), coalesce(s.scale_return, false),
       CASE WHEN NOT s.median_stale THEN s.xmin::text || ':' || s.ctid::text END AS income_token,
       (SELECT generation FROM household_generation)
FROM region r
JOIN admin_unit u ON u.geom && r.g AND ST_Intersects(r.g, u.geom)
LEFT JOIN region_stats s ON s.subject_kind = 'unit' AND s.subject_id = u.code
WHERE u.level >= 3
ORDER BY u.code
