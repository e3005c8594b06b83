-- Remove the assistance measures of the staged households (the staged set replaces them).
DELETE FROM assistance_measure a
USING (SELECT DISTINCT county_code, household_id FROM household_incoming) i
WHERE a.county_code = i.county_code AND a.household_id = i.household_id
