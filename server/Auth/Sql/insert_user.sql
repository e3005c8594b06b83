-- A new account ($1 username, $2 display name, $3 role, $4 scope code or NULL, $5 password hash or
-- NULL, $6 when, $7 by whom); nothing when the username is taken.
INSERT INTO app_user (username, display_name, role, scope_code, password_hash, created_at, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (username) DO NOTHING
RETURNING user_id
