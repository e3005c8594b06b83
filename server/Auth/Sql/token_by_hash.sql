-- The token with this SHA-256 ($1) and its account, however it stands (expired, revoked, disabled:
-- the caller tells the client which).
SELECT t.token_id, t.kind, t.expires_at, t.revoked_at, u.user_id, u.username, u.display_name, u.role, u.scope_code, u.disabled_at
FROM access_token t
JOIN app_user u ON u.user_id = t.user_id
WHERE t.token_hash = $1
