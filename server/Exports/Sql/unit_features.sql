-- One GeoJSON Feature per unit of a level ($1), in code order. 15 decimal places keep every
-- coordinate as stored (a double has at most 17 significant digits), so exported children still
-- tile their parents exactly and a re-import reproduces the same geometry. No area: QGIS
-- computes it, and a stored area may be a sum of children (the generator's) or the unit's own.
SELECT ST_AsGeoJSON(f.*, 'geom', 15)
FROM (
    SELECT lpad(u.code::text, 12, '0') AS code, u.name, lpad(u.parent_code::text, 12, '0') AS parent_code,
           u.schematic, u.is_key_county, u.geom
    FROM admin_unit u
    WHERE u.level = $1 AND u.geom IS NOT NULL
    ORDER BY u.code
) f
