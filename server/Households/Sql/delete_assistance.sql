-- Remove the assistance measures of the staged households that the staged set no longer holds
-- (the staged set replaces them). Measures that stay are left in place, not deleted and re-inserted:
-- most writes (a visit, an income update) do not change them.
DELETE FROM assistance_measure a
USING (SELECT DISTINCT county_code, household_id FROM household_incoming) i
WHERE a.county_code = i.county_code AND a.household_id = i.household_id
  AND NOT EXISTS (SELECT 1 FROM assistance_incoming n
                  WHERE n.county_code = a.county_code AND n.household_id = a.household_id
                    AND n.kind = a.kind AND n.started_on = a.started_on)
