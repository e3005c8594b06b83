-- Administrative units: province (1) › prefecture (2) › county (3) › township (4) › village (5).
-- Codes are the 12-digit statistical division codes held as bigint.
CREATE TABLE admin_unit (
    code            bigint PRIMARY KEY,
    level           smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
    name            text NOT NULL,
    parent_code     bigint REFERENCES admin_unit (code),
    -- Ancestors kept explicitly so a unit's subtree is one indexed equality, and so the
    -- table can be co-located by county when sharded (docs/architecture.md § Scaling out).
    province_code   bigint NOT NULL,
    prefecture_code bigint,
    county_code     bigint,
    township_code   bigint,
    is_key_county   boolean NOT NULL DEFAULT false,
    -- true while the boundary is a generated schematic (示意图), false for imported real boundaries.
    schematic       boolean NOT NULL DEFAULT true,
    geom            geometry(MultiPolygon, 4326),
    -- A point guaranteed inside the polygon, for labels (ST_PointOnSurface).
    label_point     geometry(Point, 4326),
    area_km2        double precision,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (level = 1 OR parent_code IS NOT NULL)
);
CREATE INDEX admin_unit_geom_gist ON admin_unit USING gist (geom);
CREATE INDEX admin_unit_parent ON admin_unit (parent_code);
CREATE INDEX admin_unit_level ON admin_unit (level);
CREATE INDEX admin_unit_county ON admin_unit (county_code);
CREATE INDEX admin_unit_name ON admin_unit (name text_pattern_ops);
