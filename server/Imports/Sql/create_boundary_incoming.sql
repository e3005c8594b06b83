-- Staging for one boundaries import, gone at commit or rollback.
CREATE TEMP TABLE boundary_incoming (
    idx        integer PRIMARY KEY,
    code       bigint NOT NULL,
    schematic  boolean NOT NULL,
    geojson    text NOT NULL,
    notes      text[] NOT NULL,
    raw        text,
    geom       geometry(MultiPolygon, 4326),
    outcome    text,
    field      text,
    reason     text
) ON COMMIT DROP
