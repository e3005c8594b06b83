-- Per-connection staging for re-assessed households; emptied at every commit.
CREATE TEMP TABLE IF NOT EXISTS household_assessed (
    county_code bigint, household_id text, last_assistance_on date, risk_level smallint, risk_score real,
    category smallint, reasons jsonb, model_version text,
    gap_should_monitor boolean, gap_unassisted boolean, gap_should_exit boolean
) ON COMMIT DELETE ROWS
