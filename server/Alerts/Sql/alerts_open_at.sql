-- Alerts about units in the code range [$1, $2] that were open at the moment $3: raised by then and
-- not resolved by then, whatever their state now (replay). Newest first, paged by id ($4: only ids
-- below; $5 limit).
SELECT m.alert_id, m.payload::text
FROM alert_message m
JOIN alert a ON a.alert_id = m.alert_id
WHERE m.unit_code BETWEEN $1 AND $2 AND a.raised_at <= $3 AND (a.resolved_at IS NULL OR a.resolved_at > $3)
  AND m.alert_id < $4
ORDER BY m.alert_id DESC
LIMIT $5
