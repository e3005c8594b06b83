-- The raised and acknowledged alerts about units in the code range [$1, $2], oldest first.
SELECT payload::text FROM alert_message
WHERE unit_code BETWEEN $1 AND $2 AND state IN ('raised', 'acknowledged')
ORDER BY alert_id
