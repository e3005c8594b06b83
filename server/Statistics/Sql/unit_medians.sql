-- Median per-capita income of some units of one level, recomputed from their households.
-- $1 the span of the level's codes (village 1, township 1 000, county 1 000 000, …), $2 the
-- unit codes: each unit's households are one range scan of the village_code index.
SELECT u.unit, percentile_disc(0.5) WITHIN GROUP (ORDER BY h.income_per_capita)
FROM unnest($2::bigint[]) AS u(unit)
JOIN household h ON h.village_code >= u.unit AND h.village_code < u.unit + $1
GROUP BY u.unit
