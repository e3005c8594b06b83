-- The trail of rule changes, newest first ($1 at most this many, $2 below this version).
SELECT version, at, actor, comment, rules::text, transitions
FROM alert_rule_change
WHERE version < $2
ORDER BY version DESC
LIMIT $1
