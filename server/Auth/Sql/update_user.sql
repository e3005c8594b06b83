-- Changes one account ($1 user id): display name ($2), role ($3), scope ($4, with $5: set even to
-- NULL), password hash ($6, with $7: set even to NULL), disabled ($8: true disables, false enables,
-- NULL leaves it) at $9. NULL arguments leave their column as it is.
UPDATE app_user
SET display_name  = coalesce($2, display_name),
    role          = coalesce($3, role),
    scope_code    = CASE WHEN $5 THEN $4 ELSE scope_code END,
    password_hash = CASE WHEN $7 THEN $6 ELSE password_hash END,
    disabled_at   = CASE WHEN $8 IS NULL THEN disabled_at WHEN $8 THEN coalesce(disabled_at, $9) ELSE NULL END
WHERE user_id = $1
