-- The audit trail of one alert, oldest first.
SELECT at, from_state, to_state, actor, comment, version FROM alert_event WHERE alert_id = $1 ORDER BY event_id
