-- Write the staged assessments back onto their households.
UPDATE household h SET
    last_assistance_on = a.last_assistance_on, risk_level = a.risk_level, risk_score = a.risk_score,
    category = a.category, reasons = a.reasons, model_version = a.model_version,
    gap_should_monitor = a.gap_should_monitor, gap_unassisted = a.gap_unassisted, gap_should_exit = a.gap_should_exit
FROM household_assessed a
WHERE h.county_code = a.county_code AND h.household_id = a.household_id
