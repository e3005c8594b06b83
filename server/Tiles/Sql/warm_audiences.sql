-- Whom tiles are warmed for at start: the area and role of every enabled account (the audience of
-- a tile is its caller's area and whether the role sees households; TileAudience).
SELECT DISTINCT scope_code, role
FROM app_user
WHERE disabled_at IS NULL
