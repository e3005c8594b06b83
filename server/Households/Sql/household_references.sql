-- What household rows may refer to: villages (level 5) and resettlement sites; all of them, or
-- (when given) only those among the village codes $1 and site ids $2 a batch names.
SELECT code, 'village' FROM admin_unit WHERE level = 5 AND ($1::bigint[] IS NULL OR code = ANY ($1))
UNION ALL
SELECT site_id, 'site' FROM resettlement_site WHERE $2::bigint[] IS NULL OR site_id = ANY ($2)
