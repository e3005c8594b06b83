-- The completed import of this kind and content, if any.
SELECT import_id FROM import_batch WHERE kind = $1 AND content_sha256 = $2 AND finished_at IS NOT NULL
