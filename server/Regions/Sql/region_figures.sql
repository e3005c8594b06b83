-- What the households tested one by one add to (or take from) the summed figures of the
-- villages a region covers whole, and the incomes they add and take away (the median is
-- computed from these and the whole villages' incomes by IncomeMedian). A household is in the
-- region when the region covers its point (inside or on the border): for a point the same as
-- naive_figures.sql's ST_Intersects, and several times cheaper per point in PostGIS 3.3.
-- $1 region (WKB, EPSG:4326); $2 codes of the villages covered whole; $3 codes of the villages
-- crossing the border, $4 their counties (so household partitions, hashed by county, prune);
-- $5 and $6 the code range of the asker's area (households of villages outside it are not theirs).
WITH tested AS (
    -- +1: households of crossing villages whose point lies in the region
    SELECT 1 AS sign, h.county_code, h.household_id, h.risk_level, h.monitoring_status, h.category, h.risk_types,
           h.dibao, h.tekun, h.last_assistance_on, h.gap_should_monitor, h.gap_unassisted, h.gap_should_exit,
           h.income_per_capita
    FROM household h
    WHERE h.county_code = ANY($4) AND h.village_code = ANY($3) AND ST_Covers(ST_GeomFromWKB($1, 4326), h.geom)
    UNION ALL
    -- households whose point is outside their own village's polygon (household_outside_village):
    -- -1 for those of whole villages whose point is not in the region,
    -- +1 for those of other villages (not crossing, tested above) whose point is
    SELECT CASE WHEN o.village_code = ANY($2) THEN -1 ELSE 1 END, h.county_code, h.household_id, h.risk_level,
           h.monitoring_status, h.category, h.risk_types, h.dibao, h.tekun, h.last_assistance_on,
           h.gap_should_monitor, h.gap_unassisted, h.gap_should_exit, h.income_per_capita
    FROM household_outside_village o
    JOIN household h ON h.county_code = o.county_code AND h.household_id = o.household_id
    WHERE NOT o.village_code = ANY($3) AND o.village_code BETWEEN $5 AND $6
      AND (o.village_code = ANY($2)) <> ST_Covers(ST_GeomFromWKB($1, 4326), o.geom)
)
SELECT coalesce(sum(sign), 0)::int,
       coalesce(sum(sign) FILTER (WHERE monitoring_status = 1), 0)::int,
       coalesce(sum(sign) FILTER (WHERE risk_level = 1), 0)::int,
       coalesce(sum(sign) FILTER (WHERE risk_level = 2), 0)::int,
       coalesce(sum(sign) FILTER (WHERE risk_level = 3), 0)::int,
       coalesce(sum(sign) FILTER (WHERE category = 1), 0)::int,
       coalesce(sum(sign) FILTER (WHERE category = 2), 0)::int,
       coalesce(sum(sign) FILTER (WHERE category = 3), 0)::int,
       (SELECT coalesce(jsonb_object_agg(k, n), '{}')::text
          FROM (SELECT k, sum(t.sign) AS n
                  FROM tested t, LATERAL (SELECT DISTINCT k FROM unnest(t.risk_types) AS k) u
                 GROUP BY k) x),
       coalesce(sum(sign) FILTER (WHERE monitoring_status = 1 AND (dibao OR tekun OR last_assistance_on IS NOT NULL)), 0)::int,
       coalesce(sum(sign) FILTER (WHERE gap_should_monitor), 0)::int,
       coalesce(sum(sign) FILTER (WHERE gap_unassisted), 0)::int,
       coalesce(sum(sign) FILTER (WHERE gap_should_exit), 0)::int,
       -- no median here: the incomes tested households add and take away, for IncomeMedian
       NULL::int,
       count(*)::int,
       coalesce(array_agg(income_per_capita) FILTER (WHERE sign > 0), '{}'),
       coalesce(array_agg(income_per_capita) FILTER (WHERE sign < 0), '{}')
FROM tested
