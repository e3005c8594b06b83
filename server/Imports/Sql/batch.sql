-- One import ($1) with the number of reject and repair rows it has, when sent from within the area
-- [$2, $3] (any with $4).
SELECT b.import_id, b.kind, b.source, b.content_sha256, b.started_at, b.finished_at, b.loaded, b.repaired,
       b.rejected, b.ignored_columns,
       (SELECT count(*) FROM import_reject r WHERE r.import_id = b.import_id),
       (SELECT count(*) FROM import_repair p WHERE p.import_id = b.import_id)
FROM import_batch b
WHERE b.import_id = $1 AND b.finished_at IS NOT NULL AND ($4 OR b.scope_code BETWEEN $2 AND $3)
