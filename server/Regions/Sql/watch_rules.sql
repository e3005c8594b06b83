-- The alert rules of some saved regions. $1 region ids.
SELECT region_id, rule_id, metric, raise_threshold, clear_threshold, minimum_households
FROM watch_region_rule
WHERE region_id = ANY($1)
ORDER BY region_id, rule_id
