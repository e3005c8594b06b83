-- Alerts about units in the code range [$1, $2] in the given states ($3), newest first, paged by
-- id ($4: only ids below; $5 limit).
SELECT alert_id, payload::text FROM alert_message
WHERE unit_code BETWEEN $1 AND $2 AND state = ANY($3) AND alert_id < $4
ORDER BY alert_id DESC
LIMIT $5
