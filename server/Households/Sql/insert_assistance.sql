-- Insert the staged assistance measures.
INSERT INTO assistance_measure (county_code, household_id, kind, started_on)
SELECT DISTINCT county_code, household_id, kind, started_on FROM assistance_incoming
