-- A region's figures by testing every household's point against it (inside or on the border),
-- through the household GiST index: the reference the fast path (classify_units.sql +
-- region_figures.sql) must equal, used by the tests and bench/regions. $1 region (WKB, EPSG:4326).
WITH inside AS (
    -- every household whose point intersects the region
    SELECT h.* FROM household h WHERE ST_Intersects(ST_GeomFromWKB($1, 4326), h.geom)
)
SELECT count(*)::int,
       count(*) FILTER (WHERE monitoring_status = 1)::int,
       count(*) FILTER (WHERE risk_level = 1)::int,
       count(*) FILTER (WHERE risk_level = 2)::int,
       count(*) FILTER (WHERE risk_level = 3)::int,
       count(*) FILTER (WHERE category = 1)::int,
       count(*) FILTER (WHERE category = 2)::int,
       count(*) FILTER (WHERE category = 3)::int,
       (SELECT coalesce(jsonb_object_agg(k, n), '{}')::text
          FROM (SELECT k, count(*) AS n FROM inside i, LATERAL (SELECT DISTINCT k FROM unnest(i.risk_types) AS k) u GROUP BY k) x),
       count(*) FILTER (WHERE monitoring_status = 1 AND (dibao OR tekun OR last_assistance_on IS NOT NULL))::int,
       count(*) FILTER (WHERE gap_should_monitor)::int,
       count(*) FILTER (WHERE gap_unassisted)::int,
       count(*) FILTER (WHERE gap_should_exit)::int,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY income_per_capita)
FROM inside
