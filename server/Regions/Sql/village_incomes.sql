-- The incomes of some villages' households, each village's sorted. $1 village codes, $2 their
-- counties (so household partitions prune).
SELECT village_code, array_agg(income_per_capita ORDER BY income_per_capita)
FROM household
WHERE county_code = ANY($2) AND village_code = ANY($1)
GROUP BY village_code
