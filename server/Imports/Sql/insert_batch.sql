-- A new import; its counts are set when it finishes, in the same transaction.
INSERT INTO import_batch (kind, source, content_sha256, started_at) VALUES ($1, $2, $3, $4) RETURNING import_id
