-- Households by key ($1 county codes, $2 ids, pairwise) with their assistance measures, in the
-- columns of Households/Sql/read_households.sql (HouseholdRows.Read), locked in key order for the
-- change that follows (the order every household write locks in, so writers cannot deadlock).
SELECT h.household_id, h.village_code, ST_X(h.geom), ST_Y(h.geom), h.members, h.labour, h.income_per_capita,
       h.wage_income, h.business_income, h.property_income, h.transfer_income, h.income_last_year,
       h.rigid_expenditure, h.formerly_poor, h.dibao, h.tekun, h.relocated, h.site_id, h.housing_unsafe,
       h.child_out_of_school, h.no_medical_insurance, h.water_unsafe, h.risk_types, h.monitoring_status,
       h.monitored_since, h.risk_eliminated_on, h.elimination_method, h.last_visit_on,
       ARRAY(SELECT m.kind FROM assistance_measure m
             WHERE m.county_code = h.county_code AND m.household_id = h.household_id ORDER BY m.started_on, m.kind),
       ARRAY(SELECT m.started_on FROM assistance_measure m
             WHERE m.county_code = h.county_code AND m.household_id = h.household_id ORDER BY m.started_on, m.kind)
FROM household h
JOIN unnest($1::bigint[], $2::text[]) AS k (county_code, household_id)
  ON k.county_code = h.county_code AND k.household_id = h.household_id
WHERE h.county_code = ANY ($1)
ORDER BY h.county_code, h.household_id
FOR UPDATE OF h
