-- Most household updates (a survey, a visit, an income revision) change no indexed column.
-- Free space on each page lets PostgreSQL update such rows in place (HOT), without touching
-- the six indexes. Applies to pages written from now on.
DO $$
BEGIN
    FOR i IN 0..15 LOOP
        EXECUTE format('ALTER TABLE household_p%s SET (fillfactor = 85)', i);
    END LOOP;
END $$;
