-- One escalation: $1 alert, $2 the unit it goes to, $3 time.
UPDATE alert SET escalated_level = coalesce(escalated_level, 0) + 1, escalated_to = $2, escalated_at = $3, version = version + 1
WHERE alert_id = $1
