-- Households with their assistance measures, one county at a time ($1), for re-assessment.
SELECT h.household_id, h.village_code, ST_X(h.geom), ST_Y(h.geom), h.members, h.labour, h.income_per_capita,
       h.wage_income, h.business_income, h.property_income, h.transfer_income, h.income_last_year,
       h.rigid_expenditure, h.formerly_poor, h.dibao, h.tekun, h.relocated, h.site_id, h.housing_unsafe,
       h.child_out_of_school, h.no_medical_insurance, h.water_unsafe, h.risk_types, h.monitoring_status,
       h.monitored_since, h.risk_eliminated_on, h.elimination_method, h.last_visit_on,
       coalesce(m.kinds, '{}'), coalesce(m.dates, '{}')
FROM household h
LEFT JOIN (
    -- the measures of each household of the county
    SELECT household_id, array_agg(kind ORDER BY started_on, kind) AS kinds, array_agg(started_on ORDER BY started_on, kind) AS dates
    FROM assistance_measure
    WHERE county_code = $1
    GROUP BY household_id
) m ON m.household_id = h.household_id
WHERE h.county_code = $1
