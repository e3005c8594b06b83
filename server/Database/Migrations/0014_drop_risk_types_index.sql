-- No query looks households up by risk type: the figures count risk types in full scans
-- (rebuild) or per household (incremental, region queries). The GIN index only cost every
-- write: a GIN insertion for each changed household, and no HOT update whenever its risk
-- types change (a disaster, a visit that clears one), and one more index to build after a bulk load.
DROP INDEX IF EXISTS household_risk_types;
