-- The accounts whose scope lies within [$1, $2] (with $3, also those of the whole country), by username.
SELECT user_id, username, display_name, role, scope_code, created_at, created_by, disabled_at, password_hash
FROM app_user
WHERE (scope_code BETWEEN $1 AND $2) OR ($3 AND scope_code IS NULL)
ORDER BY username
