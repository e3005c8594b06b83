-- The unit a watch region's alerts go to: the deepest unit whose outline covers the whole region
-- (its subscribers and their superiors see them), else the province of a unit it meets.
SELECT w.region_id,
       coalesce(
           (SELECT u.code FROM admin_unit u WHERE u.geom && w.geom AND ST_Covers(u.geom, w.geom) ORDER BY u.level DESC LIMIT 1),
           (SELECT u.province_code FROM admin_unit u WHERE u.geom && w.geom AND ST_Intersects(u.geom, w.geom) LIMIT 1),
           (SELECT min(code) FROM admin_unit WHERE level = 1))
FROM watch_region w
WHERE w.region_id = ANY($1)
