-- One alert's state, whether its condition held at the last reading, and the unit it is about, locked ($1 id).
SELECT state, holds, unit_code FROM alert WHERE alert_id = $1 FOR UPDATE
