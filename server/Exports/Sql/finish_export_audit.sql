-- An export finished ($1 audit id) with $2 rows at $3.
UPDATE export_audit SET row_count = $2, finished_at = $3 WHERE audit_id = $1
