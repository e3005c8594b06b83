-- One household's assessment by its id ($1; unique nationally; probes each partition's id index),
-- when its village lies in the code range [$2, $3] (the caller's area).
SELECT household_id, village_code, risk_level, risk_score, category, reasons::text, model_version,
       gap_should_monitor, gap_unassisted, gap_should_exit, monitoring_status, monitored_since,
       last_assistance_on, last_visit_on, relocated, site_id, updated_at
FROM household
WHERE household_id = $1 AND village_code BETWEEN $2 AND $3
LIMIT 1
