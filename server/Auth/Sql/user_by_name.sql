-- One account by username ($1), with its password hash.
SELECT user_id, username, display_name, role, scope_code, created_at, created_by, disabled_at, password_hash
FROM app_user
WHERE username = $1
