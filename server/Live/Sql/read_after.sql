-- The log after a seq, in order ($1 after, $2 limit).
SELECT seq, at, kind, unit_code, payload::text
FROM live_change
WHERE seq > $1
ORDER BY seq
LIMIT $2
