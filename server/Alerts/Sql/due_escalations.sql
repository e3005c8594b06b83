-- Raised alerts nobody acknowledged since they were raised or last escalated at or before $1,
-- and not yet with the province (codes ending in ten zeros): locked for escalation.
SELECT alert_id, coalesce(escalated_to, unit_code) FROM alert
WHERE state = 'raised' AND coalesce(escalated_at, raised_at) <= $1
  AND coalesce(escalated_to, unit_code) % 10000000000 <> 0
ORDER BY alert_id
FOR UPDATE
