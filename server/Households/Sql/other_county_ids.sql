-- Households of a batch (ids $1 in counties $2) that are already registered in another county.
SELECT DISTINCT ON (k.household_id) k.household_id, h.county_code
FROM unnest($1::text[], $2::bigint[]) AS k(household_id, county_code)
JOIN household h ON h.household_id = k.household_id AND h.county_code <> k.county_code
ORDER BY k.household_id, h.county_code
