-- One alert's state and whether its condition held at the last reading, locked ($1 id).
SELECT state, holds FROM alert WHERE alert_id = $1 FOR UPDATE
