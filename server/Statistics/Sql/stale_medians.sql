-- The next chunk of subjects whose income median is stale, after ($2, $3) in key order, with the row
-- version (xmin) they had when read. No row lock: the medians are computed without holding the
-- figures that every household write locks; set_medians clears the mark only of rows unchanged since.
SELECT subject_kind, subject_id, xmin::text
FROM region_stats
WHERE median_stale AND (subject_kind, subject_id) > ($2, $3)
ORDER BY subject_kind, subject_id
LIMIT $1
