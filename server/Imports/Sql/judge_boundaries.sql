-- Judge each staged boundary: unknown units and shapes ST_MakeValid cannot save are rejected,
-- other invalid shapes are made valid and noted, valid ones load as they are.
WITH given AS (
    -- the geometry as the file gave it (2D, EPSG:4326, structure already checked)
    SELECT idx, code, ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326) AS g FROM boundary_incoming
), judged AS (
    -- known unit? valid? if not, the polygonal part of what ST_MakeValid makes of it
    SELECT g.idx, u.code IS NOT NULL AS known, ST_IsValid(g.g) AS valid,
           CASE WHEN NOT ST_IsValid(g.g) THEN ST_IsValidReason(g.g) END AS invalid_reason,
           CASE WHEN ST_IsValid(g.g) THEN ST_Multi(g.g)
                ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(g.g), 3)) END AS fixed
    FROM given g
    LEFT JOIN admin_unit u ON u.code = g.code
)
UPDATE boundary_incoming b
   SET geom = CASE WHEN j.known AND NOT ST_IsEmpty(j.fixed) THEN j.fixed END,
       outcome = CASE WHEN NOT j.known OR ST_IsEmpty(j.fixed) THEN 'rejected'
                      WHEN NOT j.valid OR cardinality(b.notes) > 0 THEN 'repaired'
                      ELSE 'loaded' END,
       field = CASE WHEN NOT j.known THEN 'code' ELSE 'geometry' END,
       reason = CASE WHEN NOT j.known THEN format('unknown unit code %s: no unit has it in admin_unit', lpad(b.code::text, 12, '0'))
                     WHEN ST_IsEmpty(j.fixed) THEN format('invalid geometry that ST_MakeValid cannot repair: %s', j.invalid_reason)
                     WHEN NOT j.valid THEN format('invalid geometry (%s) repaired with ST_MakeValid', j.invalid_reason) END
  FROM judged j
 WHERE j.idx = b.idx
