-- A new token ($1 user id, $2 SHA-256 of the token, $3 kind, $4 label, $5 created at, $6 by whom, $7 expires at).
INSERT INTO access_token (user_id, token_hash, kind, label, created_at, created_by, expires_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING token_id
