-- Insert the staged assistance measures the households do not have yet.
INSERT INTO assistance_measure (county_code, household_id, kind, started_on)
SELECT DISTINCT county_code, household_id, kind, started_on FROM assistance_incoming
ON CONFLICT (county_code, household_id, kind, started_on) DO NOTHING
