-- Upsert figures of many subjects at once from parallel arrays (one element a subject).
-- median_stale: the income median awaits the median refresher.
INSERT INTO region_stats AS s (
    subject_kind, subject_id, households, monitored, level1, level2, level3,
    category_unstable, category_marginal, category_sudden, risk_type_counts,
    assisted, gap_should_monitor, gap_unassisted, gap_should_exit, income_median,
    zone, scale_return, version, updated_at, median_stale)
SELECT k, id, hh, mon, l1, l2, l3, cu, cm, cs, rt::jsonb, asst, gm, gu, ge, med, z, sc, v, $20, ms
FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[],
            $8::int[], $9::int[], $10::int[], $11::text[], $12::int[], $13::int[], $14::int[],
            $15::int[], $16::int[], $17::text[], $18::boolean[], $19::bigint[], $21::boolean[])
     AS u(k, id, hh, mon, l1, l2, l3, cu, cm, cs, rt, asst, gm, gu, ge, med, z, sc, v, ms)
ON CONFLICT (subject_kind, subject_id) DO UPDATE SET
    households = EXCLUDED.households, monitored = EXCLUDED.monitored,
    level1 = EXCLUDED.level1, level2 = EXCLUDED.level2, level3 = EXCLUDED.level3,
    category_unstable = EXCLUDED.category_unstable, category_marginal = EXCLUDED.category_marginal,
    category_sudden = EXCLUDED.category_sudden, risk_type_counts = EXCLUDED.risk_type_counts,
    assisted = EXCLUDED.assisted, gap_should_monitor = EXCLUDED.gap_should_monitor,
    gap_unassisted = EXCLUDED.gap_unassisted, gap_should_exit = EXCLUDED.gap_should_exit,
    income_median = EXCLUDED.income_median, zone = EXCLUDED.zone, scale_return = EXCLUDED.scale_return,
    version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, median_stale = EXCLUDED.median_stale
