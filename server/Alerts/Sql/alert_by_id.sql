-- One alert ($1) as clients see it, when it is about a unit in the range [$2, $3] (the caller's area).
SELECT payload::text FROM alert_message WHERE alert_id = $1 AND unit_code BETWEEN $2 AND $3
