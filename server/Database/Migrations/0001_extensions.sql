-- PostGIS for geometry; the check in MigrationRunner reports a clear error when it is not installed.
CREATE EXTENSION IF NOT EXISTS postgis;
