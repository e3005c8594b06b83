-- Which of these tokens ($1) still let their holder in at $2: not revoked, not expired, account enabled.
SELECT t.token_id
FROM access_token t
JOIN app_user u ON u.user_id = t.user_id
WHERE t.token_id = ANY ($1) AND t.revoked_at IS NULL AND t.expires_at > $2 AND u.disabled_at IS NULL
