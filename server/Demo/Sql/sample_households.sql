-- A few households at random for routine changes ($1 how many): a block sample, so it stays
-- cheap on millions of rows.
SELECT household_id, income_per_capita
FROM household TABLESAMPLE SYSTEM (0.5)
WHERE risk_level IS NOT NULL
LIMIT $1
