-- One GeoJSON Feature per resettlement site with its register figures and its households' figures.
SELECT ST_AsGeoJSON(f.*, 'geom', 15)
FROM (
    SELECT s.site_id, s.name, lpad(s.village_code::text, 12, '0') AS parent_code,
           lpad(s.county_code::text, 12, '0') AS county_code,
           s.capacity_households, s.relocated_households, s.relocated_people, s.labour_force, s.employed_labour,
           CASE WHEN s.labour_force > 0 THEN round(s.employed_labour::numeric / s.labour_force, 4) END AS employed_share,
           s.follow_up,
           coalesce(st.households, 0) AS households, coalesce(st.monitored, 0) AS monitored,
           coalesce(st.level1, 0) AS level1, coalesce(st.level2, 0) AS level2, coalesce(st.level3, 0) AS level3,
           coalesce(st.zone, 'green') AS zone, s.geom
    FROM resettlement_site s
    LEFT JOIN region_stats st ON st.subject_kind = 'site' AND st.subject_id = s.site_id
    ORDER BY s.site_id
) f
