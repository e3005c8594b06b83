-- The area with data, for TileJSON `bounds`: the extent of prefectures and counties (few rows;
-- every village, household and site lies inside them), or, for a caller's area, of its unit ($1).
SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
FROM (SELECT ST_Extent(geom) AS e
      FROM admin_unit
      WHERE geom IS NOT NULL AND CASE WHEN $1::bigint IS NULL THEN level <= 3 ELSE code = $1 END) q
WHERE e IS NOT NULL
