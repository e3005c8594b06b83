-- Pending alerts whose condition held at the last reading and that have waited the pending
-- period ($1: opened at or before this), locked for promotion.
SELECT alert_id FROM alert
WHERE state = 'pending' AND holds AND opened_at <= $1
ORDER BY alert_id
FOR UPDATE
