-- The smallest and largest village code the deployment holds (NULLs when it holds none): rules apply
-- to all of it, so only an administrator whose scope covers both may change them. (Villages, not
-- every unit: the province above a prefecture's deployment is held too, for its figures.)
SELECT min(code), max(code) FROM admin_unit WHERE level = 5
