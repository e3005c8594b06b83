-- Every household of an area with every field and what the risk model computed, one CSV row
-- each, in the column names and value forms the households import reads (docs/import-formats.md).
-- COPY takes no bind parameters: the area's code range comes from the transaction's settings
-- riskmap.export_first and riskmap.export_last, set with set_config($1) beforehand.
COPY (
    SELECT h.household_id, lpad(h.village_code::text, 12, '0') AS village_code,
           ST_X(h.geom) AS lon, ST_Y(h.geom) AS lat, h.members, h.labour, h.income_per_capita,
           h.wage_income, h.business_income, h.property_income, h.transfer_income, h.income_last_year,
           -- booleans as true/false rather than COPY's t/f
           h.rigid_expenditure, h.formerly_poor::text AS formerly_poor, h.dibao::text AS dibao,
           h.tekun::text AS tekun, h.relocated::text AS relocated, h.site_id,
           h.housing_unsafe::text AS housing_unsafe, h.child_out_of_school::text AS child_out_of_school,
           h.no_medical_insurance::text AS no_medical_insurance, h.water_unsafe::text AS water_unsafe,
           nullif(array_to_string(h.risk_types, ';'), '') AS risk_types,
           (ARRAY['not_monitored', 'monitored', 'risk_eliminated'])[h.monitoring_status + 1] AS monitoring,
           to_char(h.monitored_since, 'YYYY-MM-DD') AS monitored_since,
           to_char(h.risk_eliminated_on, 'YYYY-MM-DD') AS risk_eliminated_on, h.elimination_method,
           m.assistance,
           to_char(h.last_visit_on, 'YYYY-MM-DD') AS last_visit_on,
           h.risk_level, h.risk_score,
           (ARRAY['unstable_formerly_poor', 'marginal_at_risk', 'sudden_hardship'])[h.category] AS category,
           h.model_version
    FROM household h
    LEFT JOIN (
        -- each household's measures as kind:date;kind:date
        SELECT county_code, household_id,
               string_agg(kind || ':' || to_char(started_on, 'YYYY-MM-DD'), ';' ORDER BY started_on, kind) AS assistance
        FROM assistance_measure
        GROUP BY county_code, household_id
    ) m ON m.county_code = h.county_code AND m.household_id = h.household_id
    WHERE h.village_code BETWEEN current_setting('riskmap.export_first')::bigint AND current_setting('riskmap.export_last')::bigint
    ORDER BY h.county_code, h.household_id
) TO STDOUT (FORMAT csv, HEADER)
