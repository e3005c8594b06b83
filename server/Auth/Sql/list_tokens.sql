-- Tokens of the accounts whose scope lies within [$1, $2] (with $3, also the whole country's), of
-- one account when $4 is not NULL, newest first; with $5, revoked and expired ones too ($6 now).
SELECT t.token_id, u.username, t.kind, t.label, t.created_at, t.created_by, t.expires_at, t.revoked_at, t.revoked_by
FROM access_token t
JOIN app_user u ON u.user_id = t.user_id
WHERE ((u.scope_code BETWEEN $1 AND $2) OR ($3 AND u.scope_code IS NULL))
  AND ($4::text IS NULL OR u.username = $4)
  AND ($5 OR (t.revoked_at IS NULL AND t.expires_at > $6))
ORDER BY t.token_id DESC
