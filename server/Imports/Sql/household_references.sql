-- What household rows may refer to: villages (level 5) and resettlement sites.
SELECT code, 'village' FROM admin_unit WHERE level = 5
UNION ALL
SELECT site_id, 'site' FROM resettlement_site
