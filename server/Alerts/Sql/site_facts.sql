-- What the site rules need of some sites ($1 ids; all sites when null): the village they stand
-- in, the labour force and how many of it are employed, and their household figures.
SELECT rs.site_id, rs.village_code, rs.labour_force, rs.employed_labour,
       coalesce(s.households, 0), coalesce(s.level1, 0), coalesce(s.level2, 0), coalesce(s.level3, 0)
FROM resettlement_site rs
LEFT JOIN region_stats s ON s.subject_kind = 'site' AND s.subject_id = rs.site_id
WHERE $1::bigint[] IS NULL OR rs.site_id = ANY($1)
