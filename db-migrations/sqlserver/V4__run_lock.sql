-- One run at a time. SQL Server takes an application lock (sp_getapplock, session owner) and PostgreSQL an
-- advisory lock; neither needs a table. H2, which runs these SQL Server scripts in the tests, has no such lock:
-- a run holds this table's row (V4.1) with SELECT ... FOR UPDATE in a transaction kept open for the whole run.
-- The row goes in by its own script: a script is one batch, and no statement may use a table that an earlier
-- statement of the same batch creates.
CREATE TABLE reco_run_lock (
    lock_name VARCHAR(64) NOT NULL PRIMARY KEY
);
