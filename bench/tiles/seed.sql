-- A synthetic prefecture the size of Liangshan for the tile benchmark (not the demo data):
-- 16 counties of 0.75°, 16 townships each, 9 villages each (2,304 villages of ~6 km), boundaries
-- densified to ~100 m vertices as real ones are, figures for every unit, :households households
-- (psql -v households=500000), 500 resettlement sites. Replaces any units, figures, households, sites.
TRUNCATE household, assistance_measure, resettlement_site, region_stats, region_stats_history CASCADE;
DELETE FROM admin_unit;

INSERT INTO admin_unit (code, level, name, province_code, geom)
VALUES (510000000000, 1, '四川省', 510000000000, NULL);
INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, geom, area_km2)
VALUES (513400000000, 2, '凉山彝族自治州', 510000000000, 510000000000, 513400000000,
        ST_Multi(ST_Segmentize(ST_MakeEnvelope(101, 26, 104, 29, 4326), 0.001)), 3 * 3 * 12000);

-- counties: 4 × 4 of 0.75°
INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, county_code, is_key_county, geom, area_km2)
SELECT 513400000000 + (21 + c) * 1000000, 3, '县' || c, 513400000000, 510000000000, 513400000000, 513400000000 + (21 + c) * 1000000,
       c % 2 = 0,
       ST_Multi(ST_Segmentize(ST_MakeEnvelope(101 + (c % 4) * 0.75, 26 + (c / 4) * 0.75, 101 + (c % 4 + 1) * 0.75, 26 + (c / 4 + 1) * 0.75, 4326), 0.001)),
       0.75 * 0.75 * 12000
FROM generate_series(0, 15) c;

-- townships: 4 × 4 per county
INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, county_code, township_code, geom, area_km2)
SELECT u.code + (100 + t) * 1000, 4, '镇' || u.code / 1000000 % 100 || '-' || t, u.code, 510000000000, 513400000000, u.code, u.code + (100 + t) * 1000,
       ST_Multi(ST_Segmentize(ST_MakeEnvelope(ST_XMin(u.geom) + (t % 4) * 0.1875, ST_YMin(u.geom) + (t / 4) * 0.1875,
                                               ST_XMin(u.geom) + (t % 4 + 1) * 0.1875, ST_YMin(u.geom) + (t / 4 + 1) * 0.1875, 4326), 0.001)),
       0.1875 * 0.1875 * 12000
FROM admin_unit u, generate_series(0, 15) t
WHERE u.level = 3;

-- villages: 3 × 3 per township
INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, county_code, township_code, geom, area_km2)
SELECT u.code + 1 + v, 5, '村' || u.code / 1000 % 1000 || '-' || v, u.code, 510000000000, 513400000000, u.county_code, u.code,
       ST_Multi(ST_Segmentize(ST_MakeEnvelope(ST_XMin(u.geom) + (v % 3) * 0.0625, ST_YMin(u.geom) + (v / 3) * 0.0625,
                                               ST_XMin(u.geom) + (v % 3 + 1) * 0.0625, ST_YMin(u.geom) + (v / 3 + 1) * 0.0625, 4326), 0.001)),
       0.0625 * 0.0625 * 12000
FROM admin_unit u, generate_series(0, 8) v
WHERE u.level = 4;

UPDATE admin_unit SET label_point = ST_PointOnSurface(geom) WHERE geom IS NOT NULL;

-- figures for every unit below the province
INSERT INTO region_stats (subject_kind, subject_id, households, level1, level2, level3, zone, gap_should_monitor, gap_unassisted, gap_should_exit)
SELECT 'unit', code, 600, 60, (random() * 200)::int, (random() * 120)::int,
       (ARRAY['green', 'yellow', 'red'])[1 + (random() * 2.2)::int], (random() * 9)::int, (random() * 5)::int, (random() * 5)::int
FROM admin_unit WHERE level >= 2;

-- households spread over the villages
INSERT INTO household (household_id, county_code, village_code, geom, members, labour, income_per_capita, risk_score, risk_level)
SELECT 'B' || i, v.county_code, v.code,
       ST_SetSRID(ST_MakePoint(ST_XMin(v.geom) + random() * 0.0625, ST_YMin(v.geom) + random() * 0.0625), 4326),
       4, 2, 6000, random()::real, (random() * 3)::int
FROM generate_series(1, :households) i
JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS n, code, county_code, geom FROM admin_unit WHERE level = 5) v ON v.n = i % 2304;

INSERT INTO resettlement_site (site_id, name, county_code, village_code, geom, capacity_households, relocated_households,
                               relocated_people, labour_force, employed_labour)
SELECT s, '安置点' || s, v.county_code, v.code, ST_PointOnSurface(v.geom), 100, 37, 120, 60, 40
FROM generate_series(1, 500) s
JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS n, code, county_code, geom FROM admin_unit WHERE level = 5) v ON v.n = s * 4 % 2304;

ANALYZE;
