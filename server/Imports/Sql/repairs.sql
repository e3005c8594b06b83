-- A page of an import's repairs in file order.
SELECT line, field, note FROM import_repair WHERE import_id = $1 ORDER BY line, note OFFSET $2 LIMIT $3
