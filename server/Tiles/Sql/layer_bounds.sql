-- The area with data, for TileJSON `bounds`: the extent of prefectures and counties (few rows;
-- every village, household and site lies inside them).
SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
FROM (SELECT ST_Extent(geom) AS e FROM admin_unit WHERE level <= 3 AND geom IS NOT NULL) q
WHERE e IS NOT NULL
