-- Units by name or code in the caller's area, best first: $1 the text (a name substring), $2 and $3
-- the area's code range, $4 and $5 the code range the text names as a code prefix (null when it is
-- not digits), $6 the code it names exactly (null unless a 2/4/6/9/12-digit code), $7 the limit.
WITH
-- matches in the area: the name contains the text, or the code starts with its digits
hits AS (
    SELECT u.*,
           CASE WHEN u.name = $1 OR u.code = $6 THEN 0
                WHEN starts_with(u.name, $1) OR u.code BETWEEN $4 AND $5 THEN 1
                ELSE 2 END AS rank
    FROM admin_unit u
    WHERE u.code BETWEEN $2 AND $3
      AND (strpos(u.name, $1) > 0 OR u.code BETWEEN $4 AND $5)
    -- exact, then prefix, then substring; coarser units and shorter names first within a rank
    ORDER BY rank, u.level, length(u.name), u.code
    LIMIT $7
)
SELECT h.code, h.level, h.name,
       -- the ancestors inside the area, top first (a county planner's path starts at the county)
       ARRAY(SELECT a.code FROM admin_unit a
             WHERE a.code IN (h.province_code, h.prefecture_code, h.county_code, h.township_code)
               AND a.level < h.level AND a.code BETWEEN $2 AND $3 ORDER BY a.level) AS path_codes,
       ARRAY(SELECT a.name FROM admin_unit a
             WHERE a.code IN (h.province_code, h.prefecture_code, h.county_code, h.township_code)
               AND a.level < h.level AND a.code BETWEEN $2 AND $3 ORDER BY a.level) AS path_names,
       ST_XMin(h.geom), ST_YMin(h.geom), ST_XMax(h.geom), ST_YMax(h.geom),
       ST_X(coalesce(h.label_point, ST_PointOnSurface(h.geom))), ST_Y(coalesce(h.label_point, ST_PointOnSurface(h.geom)))
FROM hits h
ORDER BY h.rank, h.level, length(h.name), h.code
