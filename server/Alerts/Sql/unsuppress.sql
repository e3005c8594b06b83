-- The condition of alerts resolved by hand has cleared: they may open again ($1 alert ids).
UPDATE alert SET suppressed = false WHERE alert_id = ANY($1)
