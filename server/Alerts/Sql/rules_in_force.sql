-- The rule set in force: the newest change (none: configuration's).
SELECT version, at, actor, comment, rules::text
FROM alert_rule_change
ORDER BY version DESC
LIMIT 1
