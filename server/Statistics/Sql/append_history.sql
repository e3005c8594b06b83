-- One history row for each subject whose figures changed, at the change's time.
INSERT INTO region_stats_history (subject_kind, subject_id, valid_from, households, monitored, level1, level2, level3, zone, scale_return)
SELECT k, id, $10, hh, mon, l1, l2, l3, z, sc
FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[], $9::boolean[])
     AS u(k, id, hh, mon, l1, l2, l3, z, sc)
ON CONFLICT (subject_kind, subject_id, valid_from) DO UPDATE SET
    households = EXCLUDED.households, monitored = EXCLUDED.monitored, level1 = EXCLUDED.level1,
    level2 = EXCLUDED.level2, level3 = EXCLUDED.level3, zone = EXCLUDED.zone, scale_return = EXCLUDED.scale_return
