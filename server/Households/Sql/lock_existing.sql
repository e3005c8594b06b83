-- The current facts of the households about to be written, locked until commit.
SELECT h.household_id, h.village_code, h.site_id, h.risk_level, h.monitoring_status, h.category,
       h.risk_types, h.dibao, h.tekun, h.last_assistance_on, h.gap_should_monitor, h.gap_unassisted,
       h.gap_should_exit, h.income_per_capita
FROM household h
JOIN unnest($1::bigint[], $2::text[]) AS k(county_code, household_id)
  ON h.county_code = k.county_code AND h.household_id = k.household_id
ORDER BY h.county_code, h.household_id
FOR UPDATE OF h
