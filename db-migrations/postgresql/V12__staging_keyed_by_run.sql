-- reco_staging loses its primary key (run_id, user_id, item_rank) for an index on run_id alone, which every
-- statement on it filters by. COPY maintains a b-tree one row at a time, and a run's rows arrive in the model's
-- user order, not the key's: at 2,000,000 rows the key cost PostgreSQL 4.6 s of the staging, the index 1.7 s
-- (docs/performance.md). A run's rows are unique by construction; the publish still refuses a run whose staged
-- row count is not the one it wrote, and the live table's own key refuses a duplicate (user, rank).
-- SQL Server keeps its key (its clustered index): nothing here can measure its bulk load, so nothing there changes.
ALTER TABLE reco_staging DROP CONSTRAINT pk_reco_staging;
CREATE INDEX ix_reco_staging_run ON reco_staging (run_id);
