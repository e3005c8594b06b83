-- Policy parameters per province and year (防止返贫监测范围 and 农村低保标准), yuan per person per year.
CREATE TABLE policy_parameter (
    province_code   bigint NOT NULL,
    year            smallint NOT NULL,
    monitoring_line integer NOT NULL CHECK (monitoring_line > 0),
    dibao_line      integer NOT NULL CHECK (dibao_line > 0),
    source          text NOT NULL,
    -- true for shipped example values no one has verified; a deployment replaces them.
    is_example      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (province_code, year)
);

-- EXAMPLE DEFAULTS, NOT VERIFIED: the national reference was 6,000 yuan (2021); local lines
-- seen since run 6,500 (2022) to 7,500-8,800 (2024). Dibao lines here are monitoring line / 1.5,
-- the practice seed 000 describes. Replace with the province's published figures.
INSERT INTO policy_parameter (province_code, year, monitoring_line, dibao_line, source, is_example)
SELECT p, y, m, round(m / 1.5)::int,
       'example default (shared/docs/domain.md § Policy parameters); not a published figure', true
FROM (VALUES (510000000000::bigint), (520000000000::bigint)) AS prov(p)
CROSS JOIN (VALUES (2021::smallint, 6000), (2022::smallint, 6500), (2023::smallint, 7000),
                   (2024::smallint, 7500), (2025::smallint, 7800), (2026::smallint, 8000)) AS yr(y, m);
