-- The bulk loader COPYs households straight into household's partitions (PostgreSQL refuses
-- COPY FREEZE on a partitioned table), and a statement that names a partition fires none of the
-- parent's statement triggers: household_outside_village_insert stays silent. The loader calls
-- this instead, in its transaction, after the households are in: the same set-based pass over
-- every household as that trigger makes over the rows one statement added.
CREATE FUNCTION household_outside_village_refill() RETURNS void LANGUAGE sql AS $$
    DELETE FROM household_outside_village;
    INSERT INTO household_outside_village (county_code, household_id, village_code, geom)
    SELECT h.county_code, h.household_id, h.village_code, h.geom
      FROM household h
      LEFT JOIN admin_unit v ON v.code = h.village_code
     WHERE NOT coalesce(ST_Covers(v.geom, h.geom), false);
$$;
