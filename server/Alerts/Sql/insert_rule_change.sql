-- A change of the alert rules ($1 time, $2 actor, $3 comment, $4 rules, $5 transitions it made); its version back.
INSERT INTO alert_rule_change (at, actor, comment, rules, transitions)
VALUES ($1, $2, $3, $4::jsonb, $5)
RETURNING version
