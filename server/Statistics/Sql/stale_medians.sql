-- A chunk of subjects whose income median is stale, skipping rows another refresher holds.
SELECT subject_kind, subject_id
FROM region_stats
WHERE median_stale
ORDER BY subject_kind, subject_id
LIMIT $1
FOR UPDATE SKIP LOCKED
