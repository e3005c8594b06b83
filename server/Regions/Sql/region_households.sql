-- The households to visit (入户排查) in a region, worst first: warning level, then risk score, then
-- id (a stable order for paging), with the risk model's reasons. The same membership as
-- region_figures.sql: a household is in the region when the region covers its point.
-- $1 region (WKB, EPSG:4326); $2 villages covered whole, $3 their counties; $4 villages crossing
-- the border, $5 their counties; $6 the lowest warning level listed; $7 page size (null: all),
-- $8 rows skipped; $9 and $10 the code range of the asker's area (households of villages outside
-- it are not listed). Every row carries the total; a page past the end is one row of the total alone.
WITH inside AS MATERIALIZED (
    -- households of villages covered whole, less those whose point is outside the region
    SELECT h.household_id, h.village_code, h.risk_level, h.risk_score, h.category, h.reasons, h.monitoring_status,
           h.gap_should_monitor, h.gap_unassisted, h.gap_should_exit, h.last_visit_on, h.geom
    FROM household h
    WHERE h.county_code = ANY($3) AND h.village_code = ANY($2) AND h.risk_level >= $6
      AND NOT EXISTS (SELECT 1 FROM household_outside_village o
                      WHERE o.county_code = h.county_code AND o.household_id = h.household_id
                        AND NOT ST_Covers(ST_GeomFromWKB($1, 4326), o.geom))
    UNION ALL
    -- households of villages crossing the border whose point lies in the region
    SELECT h.household_id, h.village_code, h.risk_level, h.risk_score, h.category, h.reasons, h.monitoring_status,
           h.gap_should_monitor, h.gap_unassisted, h.gap_should_exit, h.last_visit_on, h.geom
    FROM household h
    WHERE h.county_code = ANY($5) AND h.village_code = ANY($4) AND h.risk_level >= $6
      AND ST_Covers(ST_GeomFromWKB($1, 4326), h.geom)
    UNION ALL
    -- households of other villages whose point lies in the region
    SELECT h.household_id, h.village_code, h.risk_level, h.risk_score, h.category, h.reasons, h.monitoring_status,
           h.gap_should_monitor, h.gap_unassisted, h.gap_should_exit, h.last_visit_on, h.geom
    FROM household_outside_village o
    JOIN household h ON h.county_code = o.county_code AND h.household_id = o.household_id
    WHERE NOT o.village_code = ANY($2) AND NOT o.village_code = ANY($4) AND h.risk_level >= $6
      AND o.village_code BETWEEN $9 AND $10
      AND ST_Covers(ST_GeomFromWKB($1, 4326), o.geom)
)
SELECT t.total, p.household_id, p.village_code, p.village_name, p.risk_level, p.risk_score, p.category, p.reasons,
       p.monitoring_status, p.gap_should_monitor, p.gap_unassisted, p.gap_should_exit, p.last_visit_on, p.lon, p.lat
FROM (SELECT count(*)::int AS total FROM inside) t
LEFT JOIN LATERAL (
    -- one page, worst first
    SELECT i.household_id, i.village_code, v.name AS village_name, i.risk_level, i.risk_score, i.category,
           coalesce(i.reasons, '[]')::text AS reasons, i.monitoring_status, i.gap_should_monitor, i.gap_unassisted,
           i.gap_should_exit, i.last_visit_on, ST_X(i.geom) AS lon, ST_Y(i.geom) AS lat
    FROM inside i
    JOIN admin_unit v ON v.code = i.village_code
    ORDER BY i.risk_level DESC, i.risk_score DESC NULLS LAST, i.household_id
    LIMIT $7 OFFSET $8
) p ON true
