-- A household write batch replaces many rows of the same pages at once (a survey batch, an import,
-- a county re-assessed), and a heap-only (HOT) update needs room for the new version on the old
-- row's page. With 15 % free (0007) only about one row in five found it: the others went to other
-- pages and wrote a new entry into each of the four indexes (one a GiST). Half of each page free
-- holds a new version of every row on it; the old versions are pruned on a later visit, so the room
-- comes back for the next batch. The price is a heap about twice as large to scan. Applies to pages
-- written from now on (a bulk load writes them all).
DO $$
BEGIN
    FOR i IN 0..15 LOOP
        EXECUTE format('ALTER TABLE household_p%s SET (fillfactor = 50)', i);
    END LOOP;
END $$;
