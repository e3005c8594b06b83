-- The account scope of a token ($1), to check that whoever revokes it may manage its owner.
SELECT u.scope_code, u.user_id FROM access_token t JOIN app_user u ON u.user_id = t.user_id WHERE t.token_id = $1
