-- Replace each accepted unit's outline; its label point and area follow the new shape. The
-- area is the unit's own (equal-area EPSG:6933), not the sum of its children's as the
-- generator sets it: an imported outline need not be tiled by the units below it.
UPDATE admin_unit u
   SET geom = b.geom, schematic = b.schematic, label_point = ST_PointOnSurface(b.geom),
       area_km2 = ST_Area(ST_Transform(b.geom, 6933)) / 1e6, updated_at = $1
  FROM boundary_incoming b
 WHERE b.code = u.code AND b.outcome IN ('loaded', 'repaired')
