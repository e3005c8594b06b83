-- A new alert, pending or raised at once.
INSERT INTO alert (rule, subject_kind, subject_id, household_id, unit_code, county_code, severity, state,
                   metric, threshold, clear_threshold, households, holds, opened_at, raised_at)
VALUES ($1, $2, $3, nullif($4, ''), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
        CASE WHEN $8 = 'raised' THEN $14 END)
RETURNING alert_id
