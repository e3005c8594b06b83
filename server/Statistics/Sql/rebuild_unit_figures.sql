-- Figures of every administrative unit and resettlement site from the households, in one scan:
-- village, township, county, prefecture, province and site are grouping sets over codes
-- derived from the village code.
-- The risk type array follows RiskType.Keys (a test checks the order). Income medians come from
-- one sorted scan instead (IncomeMedianScan): a percentile per grouping set sorts six times.
WITH facts AS (
    -- one row a household, with the unit code of each level it counts in
    SELECT village_code                              AS village,
           village_code / 1000 * 1000                 AS township,
           county_code                                AS county,
           village_code / 100000000 * 100000000       AS prefecture,
           village_code / 10000000000 * 10000000000   AS province,
           site_id,
           risk_level, monitoring_status, category, risk_types,
           (monitoring_status = 1 AND (dibao OR tekun OR last_assistance_on IS NOT NULL)) AS assisted,
           gap_should_monitor, gap_unassisted, gap_should_exit
    FROM household
)
SELECT CASE WHEN GROUPING(site_id) = 0 THEN 'site' ELSE 'unit' END AS kind,
       coalesce(village, township, county, prefecture, province, site_id) AS code,
       count(*)::int                                              AS households,
       count(*) FILTER (WHERE monitoring_status = 1)::int         AS monitored,
       count(*) FILTER (WHERE risk_level = 1)::int                AS level1,
       count(*) FILTER (WHERE risk_level = 2)::int                AS level2,
       count(*) FILTER (WHERE risk_level = 3)::int                AS level3,
       count(*) FILTER (WHERE category = 1)::int                  AS category_unstable,
       count(*) FILTER (WHERE category = 2)::int                  AS category_marginal,
       count(*) FILTER (WHERE category = 3)::int                  AS category_sudden,
       ARRAY[
        count(*) FILTER (WHERE risk_types @> '{illness}')::int,
        count(*) FILTER (WHERE risk_types @> '{disability}')::int,
        count(*) FILTER (WHERE risk_types @> '{education}')::int,
        count(*) FILTER (WHERE risk_types @> '{disaster_flood}')::int,
        count(*) FILTER (WHERE risk_types @> '{disaster_geological}')::int,
        count(*) FILTER (WHERE risk_types @> '{disaster_drought}')::int,
        count(*) FILTER (WHERE risk_types @> '{disaster_biological}')::int,
        count(*) FILTER (WHERE risk_types @> '{disaster_meteorological}')::int,
        count(*) FILTER (WHERE risk_types @> '{disaster_earthquake}')::int,
        count(*) FILTER (WHERE risk_types @> '{disaster_other}')::int,
        count(*) FILTER (WHERE risk_types @> '{accident}')::int,
        count(*) FILTER (WHERE risk_types @> '{industry_failure}')::int,
        count(*) FILTER (WHERE risk_types @> '{unstable_employment}')::int,
        count(*) FILTER (WHERE risk_types @> '{labour_shortage}')::int,
        count(*) FILTER (WHERE risk_types @> '{housing_safety}')::int,
        count(*) FILTER (WHERE risk_types @> '{drinking_water}')::int,
        count(*) FILTER (WHERE risk_types @> '{other}')::int
       ]                                                          AS risk_type_counts,
       count(*) FILTER (WHERE assisted)::int                      AS assisted,
       count(*) FILTER (WHERE gap_should_monitor)::int            AS gap_should_monitor,
       count(*) FILTER (WHERE gap_unassisted)::int                AS gap_unassisted,
       count(*) FILTER (WHERE gap_should_exit)::int               AS gap_should_exit
FROM facts
GROUP BY GROUPING SETS ((village), (township), (county), (prefecture), (province), (site_id))
-- households not relocated form a site group of their own with a null site: not a site
HAVING GROUPING(site_id) = 1 OR site_id IS NOT NULL
