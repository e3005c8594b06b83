-- The log after a seq for one unit's subtree ($1 after, $2 first code, $3 last code, $4 limit):
-- codes are hierarchical, so a subtree is a range.
SELECT seq, at, kind, unit_code, payload::text
FROM live_change
WHERE seq > $1 AND unit_code BETWEEN $2 AND $3
ORDER BY seq
LIMIT $4
