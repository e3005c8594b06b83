-- A saved region's alert rules (checked by WatchRule.Problem), one array element a rule.
-- $1 region id, $2 metrics, $3 raise thresholds, $4 clear thresholds, $5 minimum households.
INSERT INTO watch_region_rule (region_id, metric, raise_threshold, clear_threshold, minimum_households)
SELECT $1, m, r, c, n FROM unnest($2::text[], $3::float8[], $4::float8[], $5::int[]) AS u(m, r, c, n)
