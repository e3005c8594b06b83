-- A unit's name is the place people call it (特口甲谷村, 永寿社区); the statistical division
-- codes name villages by their committee (特口甲谷村村民委员会, 永寿社区居民委员会), which is kept as
-- official_name. The loader writes both (DivisionNames.Short); units loaded before this
-- migration get the same rule here.
ALTER TABLE admin_unit ADD COLUMN official_name text;

UPDATE admin_unit SET official_name = name WHERE official_name IS NULL;

UPDATE admin_unit
   SET name = CASE
       WHEN name IN ('村民委员会', '居民委员会') THEN name
       WHEN name ~ '.村民委员会$' THEN
           CASE WHEN left(name, -5) ~ '(村|社区)$' THEN left(name, -5) ELSE left(name, -5) || '村' END
       WHEN name ~ '.居民委员会$' THEN
           CASE WHEN left(name, -5) ~ '社区$' THEN left(name, -5) ELSE left(name, -5) || '社区' END
       WHEN name ~ '村村委员会$' THEN left(name, -4)
       WHEN name ~ '.委员会$' THEN left(name, -3)
       ELSE name END
 WHERE level = 5;
