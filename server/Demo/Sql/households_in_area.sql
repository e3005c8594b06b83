-- The households a demo disaster will hit, with what the recovery restores ($1 GeoJSON geometry).
SELECT household_id, income_per_capita, rigid_expenditure
FROM household
WHERE ST_Intersects(geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))
