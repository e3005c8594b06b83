-- A few households at random for routine changes ($1 how many, $2 the percentage of the table's
-- blocks to sample): a block sample, so it stays cheap on millions of rows.
SELECT household_id, income_per_capita
FROM household TABLESAMPLE SYSTEM ($2)
WHERE risk_level IS NOT NULL
ORDER BY random()
LIMIT $1
