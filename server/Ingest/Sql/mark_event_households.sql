-- The households event $1 marked (counties $2, ids $3, pairwise).
INSERT INTO area_event_household (event_id, county_code, household_id)
SELECT $1, k.county_code, k.household_id FROM unnest($2::bigint[], $3::text[]) AS k (county_code, household_id)
