COPY (
    -- every household's village, site and income, poorest first
    SELECT village_code, site_id, income_per_capita FROM household ORDER BY income_per_capita
) TO STDOUT (FORMAT BINARY)
