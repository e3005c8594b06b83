-- Revokes one token ($1), or every token of an account ($2), at $3 by $4; returns the ids revoked now.
UPDATE access_token
SET revoked_at = $3, revoked_by = $4
WHERE revoked_at IS NULL AND (token_id = $1 OR user_id = $2)
RETURNING token_id
