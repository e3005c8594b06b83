SELECT payload::text FROM alert_message WHERE alert_id = $1
