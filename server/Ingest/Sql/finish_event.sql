-- What event $1 marked: $2 households in the villages $3.
UPDATE area_event SET households_marked = $2, villages_touched = $3 WHERE event_id = $1
