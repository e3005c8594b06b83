-- The stored figures of some subjects of one kind, locked for a read-modify-write.
SELECT subject_id, households, monitored, level1, level2, level3,
       category_unstable, category_marginal, category_sudden, risk_type_counts::text,
       assisted, gap_should_monitor, gap_unassisted, gap_should_exit, income_median,
       zone, scale_return, version, median_stale
FROM region_stats
WHERE subject_kind = $1 AND subject_id = ANY($2)
ORDER BY subject_id
FOR UPDATE
