-- An event's outline ($1: GeoJSON MultiPolygon, EPSG:4326, structure checked): valid as it is, or
-- the polygonal part of what ST_MakeValid makes of it, with the reason it was invalid; and
-- whether anything with an area is left.
WITH given AS (
    -- the outline as the request gave it
    SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g
), judged AS (
    -- valid? if not, why, and its repair
    SELECT ST_IsValid(g) AS valid, CASE WHEN NOT ST_IsValid(g) THEN ST_IsValidReason(g) END AS reason,
           CASE WHEN ST_IsValid(g) THEN ST_Multi(g) ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) END AS fixed
    FROM given
)
SELECT valid, reason, ST_IsEmpty(fixed) OR ST_Area(fixed) = 0, ST_AsBinary(fixed) FROM judged
