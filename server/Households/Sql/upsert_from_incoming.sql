-- Move the staged households into place (insert new ones, overwrite existing ones) and answer
-- what the existing ones were before, for the statistics' deltas. The old rows are locked in key
-- order first (concurrent batches never deadlock on each other) and read as they are at that
-- moment (FOR UPDATE waits for a concurrent writer and reads its committed row); the upsert, in
-- the same statement, overwrites exactly those versions.
WITH before AS (
    -- the existing rows, probed by key one staged household at a time (a join would read every
    -- household of the partitions to hash them), in key order so concurrent writers lock alike
    SELECT h.*
    FROM (SELECT county_code, household_id FROM household_incoming ORDER BY county_code, household_id OFFSET 0) i
    CROSS JOIN LATERAL (
        SELECT h.household_id, h.village_code, h.site_id, h.risk_level, h.monitoring_status, h.category,
               h.risk_types, h.dibao, h.tekun, h.last_assistance_on, h.gap_should_monitor, h.gap_unassisted,
               h.gap_should_exit, h.income_per_capita, h.county_code
        FROM household h
        WHERE h.county_code = i.county_code AND h.household_id = i.household_id
        FOR UPDATE
    ) h
), written AS (
    INSERT INTO household (
        household_id, county_code, village_code, geom, members, labour, income_per_capita, wage_income,
        business_income, property_income, transfer_income, income_last_year, rigid_expenditure,
        formerly_poor, dibao, tekun, relocated, site_id, housing_unsafe, child_out_of_school,
        no_medical_insurance, water_unsafe, risk_types, monitoring_status, monitored_since,
        risk_eliminated_on, elimination_method, last_assistance_on, last_visit_on, risk_level, risk_score,
        category, reasons, model_version, gap_should_monitor, gap_unassisted, gap_should_exit, updated_at)
    SELECT household_id, county_code, village_code, ST_SetSRID(ST_MakePoint(lon, lat), 4326), members, labour,
           income_per_capita, wage_income, business_income, property_income, transfer_income, income_last_year,
           rigid_expenditure, formerly_poor, dibao, tekun, relocated, site_id, housing_unsafe, child_out_of_school,
           no_medical_insurance, water_unsafe, risk_types, monitoring_status, monitored_since, risk_eliminated_on,
           elimination_method, last_assistance_on, last_visit_on, risk_level, risk_score, category, reasons,
           model_version, gap_should_monitor, gap_unassisted, gap_should_exit, $1
    FROM household_incoming
    ON CONFLICT (county_code, household_id) DO UPDATE SET
        village_code = EXCLUDED.village_code, geom = EXCLUDED.geom, members = EXCLUDED.members,
        labour = EXCLUDED.labour, income_per_capita = EXCLUDED.income_per_capita,
        wage_income = EXCLUDED.wage_income, business_income = EXCLUDED.business_income,
        property_income = EXCLUDED.property_income, transfer_income = EXCLUDED.transfer_income,
        income_last_year = EXCLUDED.income_last_year, rigid_expenditure = EXCLUDED.rigid_expenditure,
        formerly_poor = EXCLUDED.formerly_poor, dibao = EXCLUDED.dibao, tekun = EXCLUDED.tekun,
        relocated = EXCLUDED.relocated, site_id = EXCLUDED.site_id, housing_unsafe = EXCLUDED.housing_unsafe,
        child_out_of_school = EXCLUDED.child_out_of_school, no_medical_insurance = EXCLUDED.no_medical_insurance,
        water_unsafe = EXCLUDED.water_unsafe, risk_types = EXCLUDED.risk_types,
        monitoring_status = EXCLUDED.monitoring_status, monitored_since = EXCLUDED.monitored_since,
        risk_eliminated_on = EXCLUDED.risk_eliminated_on, elimination_method = EXCLUDED.elimination_method,
        last_assistance_on = EXCLUDED.last_assistance_on, last_visit_on = EXCLUDED.last_visit_on,
        risk_level = EXCLUDED.risk_level, risk_score = EXCLUDED.risk_score, category = EXCLUDED.category,
        reasons = EXCLUDED.reasons, model_version = EXCLUDED.model_version,
        gap_should_monitor = EXCLUDED.gap_should_monitor, gap_unassisted = EXCLUDED.gap_unassisted,
        gap_should_exit = EXCLUDED.gap_should_exit, updated_at = EXCLUDED.updated_at
    RETURNING 1
)
SELECT * FROM before
