-- An export starts ($1 at, $2 actor, $3 user id or NULL, $4 via, $5 what, $6 scope code or NULL).
INSERT INTO export_audit (at, actor, user_id, via, what, scope_code) VALUES ($1, $2, $3, $4, $5, $6) RETURNING audit_id
