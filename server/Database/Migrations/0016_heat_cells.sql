-- Household risk summed per village and zoom-14 Web Mercator tile (~2 km), for risk-heat tiles at
-- low zooms: a prefecture-view heat tile sums a few thousand of these rows instead of reading
-- ~100 k households, so it stays cheap to make again after every live change. Cells of a tile at
-- zoom z (HeatCellSize 128: 32 a side, each a zoom z+5 tile) are whole groups of these. Kept per
-- village so an audience's area (a code range) still filters them. Kept by the triggers below in
-- the same transaction as every household write, whichever code writes.
CREATE TABLE heat_cell (
    village_code bigint NOT NULL,
    cx           integer NOT NULL,
    cy           integer NOT NULL,
    -- risk scores (0–100) in thousandths, so adding and taking away is exact
    weight_milli bigint NOT NULL,
    households   integer NOT NULL,
    PRIMARY KEY (village_code, cx, cy)
);
CREATE INDEX heat_cell_xy ON heat_cell (cx, cy);

-- The zoom-14 tile column and row of a WGS 84 point (XYZ scheme, y down).
CREATE FUNCTION heat_cell_x(g geometry) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN floor((ST_X(g) + 180) / 360 * 16384)::integer;
CREATE FUNCTION heat_cell_y(g geometry) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN floor((1 - ln(tan(radians(ST_Y(g))) + 1 / cos(radians(ST_Y(g)))) / pi()) / 2 * 16384)::integer;

INSERT INTO heat_cell (village_code, cx, cy, weight_milli, households)
SELECT village_code, heat_cell_x(geom), heat_cell_y(geom), sum(round(risk_score * 1000))::bigint, count(*)::integer
  FROM household
 WHERE risk_score > 0
 GROUP BY 1, 2, 3;

-- The triggers below add what rows brought and take away what they had, in key order so that
-- concurrent writers lock cells in the same order; cells left without households go (found through
-- a partial index, so no scan).
CREATE INDEX heat_cell_empty ON heat_cell (village_code) WHERE households <= 0;

CREATE FUNCTION heat_cell_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO heat_cell AS c (village_code, cx, cy, weight_milli, households)
    SELECT village_code, heat_cell_x(geom), heat_cell_y(geom), sum(round(risk_score * 1000))::bigint, count(*)::integer
      FROM added
     WHERE risk_score > 0
     GROUP BY 1, 2, 3
     ORDER BY 1, 2, 3
    ON CONFLICT (village_code, cx, cy) DO UPDATE
       SET weight_milli = c.weight_milli + excluded.weight_milli, households = c.households + excluded.households;
    RETURN NULL;
END $$;
CREATE TRIGGER heat_cell_insert AFTER INSERT ON household
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION heat_cell_inserted();

-- Every UPDATE statement (transition tables allow no column list); rows whose score, place and
-- village stay cancel out and touch no cell.
CREATE FUNCTION heat_cell_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH signed AS (
        SELECT village_code, cx, cy, sum(w)::bigint AS w, sum(n)::integer AS n
          FROM (SELECT village_code, heat_cell_x(geom) AS cx, heat_cell_y(geom) AS cy,
                       round(risk_score * 1000)::bigint AS w, 1 AS n
                  FROM after_rows WHERE risk_score > 0
                UNION ALL
                SELECT village_code, heat_cell_x(geom), heat_cell_y(geom), -round(risk_score * 1000)::bigint, -1
                  FROM before_rows WHERE risk_score > 0) r
         GROUP BY 1, 2, 3
        HAVING sum(w) <> 0 OR sum(n) <> 0
    )
    INSERT INTO heat_cell AS c (village_code, cx, cy, weight_milli, households)
    SELECT village_code, cx, cy, w, n FROM signed ORDER BY 1, 2, 3
    ON CONFLICT (village_code, cx, cy) DO UPDATE
       SET weight_milli = c.weight_milli + excluded.weight_milli, households = c.households + excluded.households;
    DELETE FROM heat_cell WHERE households <= 0;
    RETURN NULL;
END $$;
CREATE TRIGGER heat_cell_update AFTER UPDATE ON household
    REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION heat_cell_updated();

CREATE FUNCTION heat_cell_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE heat_cell c
       SET weight_milli = c.weight_milli - r.w, households = c.households - r.n
      FROM (SELECT village_code, heat_cell_x(geom) AS cx, heat_cell_y(geom) AS cy,
                   sum(round(risk_score * 1000))::bigint AS w, count(*)::integer AS n
              FROM removed WHERE risk_score > 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) r
     WHERE c.village_code = r.village_code AND c.cx = r.cx AND c.cy = r.cy;
    DELETE FROM heat_cell WHERE households <= 0;
    RETURN NULL;
END $$;
CREATE TRIGGER heat_cell_delete AFTER DELETE ON household
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION heat_cell_deleted();

CREATE FUNCTION heat_cell_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE heat_cell;
    RETURN NULL;
END $$;
CREATE TRIGGER heat_cell_truncate AFTER TRUNCATE ON household
    FOR EACH STATEMENT EXECUTE FUNCTION heat_cell_truncated();
