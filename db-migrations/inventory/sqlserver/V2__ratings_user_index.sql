-- InventoryDB's ratings are read in ranges of user_id by the job's parallel load; a well-kept InventoryDB has an
-- index that leads on it (the check mode warns where it has none). This copy has one too.
CREATE INDEX ix_ratings_user_id ON ratings (user_id);
