-- Regions (issue 7): saved watch regions with their alert rules, and the households whose
-- point lies outside their own village's polygon, which region queries must test one by one.

-- A region a planner drew and saved to keep watching. Its figures live in region_stats
-- (subject_kind 'region', subject_id = region_id) and follow household writes.
CREATE TABLE watch_region (
    region_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- Valid (checked before saving), EPSG:4326.
    geom       geometry(MultiPolygon, 4326) NOT NULL,
    area_km2   double precision NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX watch_region_geom_gist ON watch_region USING gist (geom);

-- Alert rules of a watch region: raise when the metric reaches raise_threshold, clear when it
-- falls below clear_threshold (lower, so an alert does not flap), only while the region has at
-- least minimum_households. Evaluated by the alert engine like any unit's.
CREATE TABLE watch_region_rule (
    rule_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_id          bigint NOT NULL REFERENCES watch_region (region_id) ON DELETE CASCADE,
    metric             text NOT NULL CHECK (metric IN ('shareAtLeastTwo', 'shareThree', 'householdsAtThree')),
    raise_threshold    double precision NOT NULL,
    clear_threshold    double precision NOT NULL,
    minimum_households integer NOT NULL CHECK (minimum_households >= 0),
    CHECK (clear_threshold < raise_threshold)
);
CREATE INDEX watch_region_rule_region ON watch_region_rule (region_id);

-- Households whose point is not covered by their own village's polygon (a relocated household
-- at a site in another village, a GPS fix across a border, a village without an outline). A
-- region query adds a village's figures when the region covers the village polygon whole; these
-- households are the exceptions it must test against the region itself. Kept by the triggers
-- below in the same transaction as every household or boundary write, whichever code writes.
CREATE TABLE household_outside_village (
    county_code  bigint NOT NULL,
    household_id text NOT NULL,
    village_code bigint NOT NULL,
    geom         geometry(Point, 4326) NOT NULL,
    PRIMARY KEY (county_code, household_id)
);
INSERT INTO household_outside_village (county_code, household_id, village_code, geom)
SELECT h.county_code, h.household_id, h.village_code, h.geom
  FROM household h
  LEFT JOIN admin_unit v ON v.code = h.village_code
 WHERE NOT coalesce(ST_Covers(v.geom, h.geom), false);
CREATE INDEX household_outside_village_geom ON household_outside_village USING gist (geom);
CREATE INDEX household_outside_village_village ON household_outside_village (village_code);

-- New households, one set-based pass per statement (a bulk COPY of a million rows included).
CREATE FUNCTION household_outside_village_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM household_outside_village o
     USING added a
     WHERE o.county_code = a.county_code AND o.household_id = a.household_id;
    INSERT INTO household_outside_village (county_code, household_id, village_code, geom)
    SELECT a.county_code, a.household_id, a.village_code, a.geom
      FROM added a
      LEFT JOIN admin_unit v ON v.code = a.village_code
     WHERE NOT coalesce(ST_Covers(v.geom, a.geom), false);
    RETURN NULL;
END $$;
CREATE TRIGGER household_outside_village_insert AFTER INSERT ON household
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION household_outside_village_added();

-- A household that moved or changed village. Row-level with a WHEN clause, so the many updates
-- that keep both (a survey, a re-assessment of every household) cost nothing here.
CREATE FUNCTION household_outside_village_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM household_outside_village WHERE county_code = OLD.county_code AND household_id = OLD.household_id;
    INSERT INTO household_outside_village (county_code, household_id, village_code, geom)
    SELECT NEW.county_code, NEW.household_id, NEW.village_code, NEW.geom
     WHERE NOT coalesce((SELECT ST_Covers(v.geom, NEW.geom) FROM admin_unit v WHERE v.code = NEW.village_code), false);
    RETURN NULL;
END $$;
CREATE TRIGGER household_outside_village_update AFTER UPDATE ON household
    FOR EACH ROW WHEN (OLD.geom IS DISTINCT FROM NEW.geom OR OLD.village_code IS DISTINCT FROM NEW.village_code)
    EXECUTE FUNCTION household_outside_village_moved();

CREATE FUNCTION household_outside_village_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM household_outside_village o
     USING removed r
     WHERE o.county_code = r.county_code AND o.household_id = r.household_id;
    RETURN NULL;
END $$;
CREATE TRIGGER household_outside_village_delete AFTER DELETE ON household
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION household_outside_village_removed();

-- Counts the times every household was replaced at once (TRUNCATE, as a bulk load does), so
-- copies of households' incomes kept between region queries (Regions/VillageIncomeCache) know
-- they are from before. Read in the same snapshot as the households.
CREATE TABLE household_generation (generation bigint NOT NULL);
INSERT INTO household_generation VALUES (1);

CREATE FUNCTION household_outside_village_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE household_outside_village;
    UPDATE household_generation SET generation = generation + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER household_outside_village_truncate AFTER TRUNCATE ON household
    FOR EACH STATEMENT EXECUTE FUNCTION household_outside_village_truncated();

-- A village got a new outline (a boundary import): judge its households again.
CREATE FUNCTION household_outside_village_reshaped() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM household_outside_village WHERE village_code = NEW.code;
    INSERT INTO household_outside_village (county_code, household_id, village_code, geom)
    SELECT h.county_code, h.household_id, h.village_code, h.geom
      FROM household h
     WHERE h.county_code = NEW.code / 1000000 * 1000000 AND h.village_code = NEW.code
       AND NOT coalesce(ST_Covers(NEW.geom, h.geom), false);
    RETURN NULL;
END $$;
CREATE TRIGGER household_outside_village_reshape AFTER UPDATE ON admin_unit
    FOR EACH ROW WHEN (NEW.level = 5 AND OLD.geom IS DISTINCT FROM NEW.geom)
    EXECUTE FUNCTION household_outside_village_reshaped();
