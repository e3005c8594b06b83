-- One history row for each subject whose figures changed, at the change's time, copied from the
-- region_stats rows just saved in the same transaction ($1 kinds, $2 ids, $3 the time).
INSERT INTO region_stats_history (subject_kind, subject_id, valid_from, households, monitored, level1, level2, level3, zone, scale_return)
SELECT s.subject_kind, s.subject_id, $3, s.households, s.monitored, s.level1, s.level2, s.level3, s.zone, s.scale_return
FROM unnest($1::text[], $2::bigint[]) AS u(kind, id)
JOIN region_stats s ON s.subject_kind = u.kind AND s.subject_id = u.id
ON CONFLICT (subject_kind, subject_id, valid_from) DO UPDATE SET
    households = EXCLUDED.households, monitored = EXCLUDED.monitored, level1 = EXCLUDED.level1,
    level2 = EXCLUDED.level2, level3 = EXCLUDED.level3, zone = EXCLUDED.zone, scale_return = EXCLUDED.scale_return
