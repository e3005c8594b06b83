-- A state transition ($1 alert, $2 new state, $3 time, $4 actor, $5 reason for a resolution,
-- $6 suppressed: resolved by hand while the condition held).
UPDATE alert SET
    state = $2,
    raised_at = CASE WHEN $2 = 'raised' AND raised_at IS NULL THEN $3 ELSE raised_at END,
    resolved_at = CASE WHEN $2 = 'resolved' THEN $3 ELSE resolved_at END,
    resolved_by = CASE WHEN $2 = 'resolved' THEN $4 ELSE resolved_by END,
    resolve_reason = CASE WHEN $2 = 'resolved' THEN $5 ELSE resolve_reason END,
    suppressed = $6,
    version = version + 1
WHERE alert_id = $1
