-- The county a household id is registered in (ids are national; the key is county and id).
SELECT county_code FROM household WHERE household_id = $1 LIMIT 1
