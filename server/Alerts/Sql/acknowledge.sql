-- $1 alert, $2 who, $3 comment, $4 time.
UPDATE alert SET state = 'acknowledged', acknowledged_at = $4, acknowledged_by = $2, ack_comment = $3, version = version + 1
WHERE alert_id = $1
