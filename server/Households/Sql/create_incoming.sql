-- No JIT for the rest of this write: its statements are short, but the planner prices the per-key
-- probes into 16 partitions above jit_above_cost, and compiling them cost ~100 ms of a 10,000-row
-- batch that runs in ~300 ms without.
SET LOCAL jit = off;
-- Per-connection staging tables for household writes; emptied at every commit and every write.
CREATE TEMP TABLE IF NOT EXISTS household_incoming (
    household_id text, county_code bigint, village_code bigint, lon double precision, lat double precision,
    members smallint, labour smallint, income_per_capita integer, wage_income integer, business_income integer,
    property_income integer, transfer_income integer, income_last_year integer, rigid_expenditure integer,
    formerly_poor boolean, dibao boolean, tekun boolean, relocated boolean, site_id bigint,
    housing_unsafe boolean, child_out_of_school boolean, no_medical_insurance boolean, water_unsafe boolean,
    risk_types text[], monitoring_status smallint, monitored_since date, risk_eliminated_on date,
    elimination_method text, last_assistance_on date, last_visit_on date,
    risk_level smallint, risk_score real, category smallint, reasons jsonb, model_version text,
    gap_should_monitor boolean, gap_unassisted boolean, gap_should_exit boolean
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS assistance_incoming (
    county_code bigint, household_id text, kind text, started_on date
) ON COMMIT DELETE ROWS;
-- Empty them now as well: an import writes many batches in one transaction, and each batch
-- must stage only its own rows, not re-apply every batch before it.
TRUNCATE household_incoming, assistance_incoming;
