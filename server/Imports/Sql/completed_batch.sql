-- The completed import of this kind and content ($1, $2) sent from the same area ($3; NULL: the whole country), if any.
SELECT import_id FROM import_batch
WHERE kind = $1 AND content_sha256 = $2 AND scope_code IS NOT DISTINCT FROM $3 AND finished_at IS NOT NULL
