-- Every unit's household counts, for the sweep.
SELECT subject_id, households, level1, level2, level3
FROM region_stats
WHERE subject_kind = 'unit'
