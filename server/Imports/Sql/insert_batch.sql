-- A new import, sent by $5 from area $6 (NULL: the whole country); its counts are set when it
-- finishes, in the same transaction.
INSERT INTO import_batch (kind, source, content_sha256, started_at, imported_by, scope_code) VALUES ($1, $2, $3, $4, $5, $6) RETURNING import_id
