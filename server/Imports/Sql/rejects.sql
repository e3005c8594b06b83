-- A page of an import's rejects in file order.
SELECT line, field, reason, raw FROM import_reject WHERE import_id = $1
ORDER BY line, field NULLS FIRST, reason
OFFSET $2 LIMIT $3
