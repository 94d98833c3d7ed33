-- One run at a time. SQL Server takes an application lock (sp_getapplock, session owner) and PostgreSQL an
-- advisory lock; neither needs a table. H2, which runs these SQL Server scripts in the tests, has no such lock:
-- a run holds this row with SELECT ... FOR UPDATE in a transaction kept open for the whole run.
CREATE TABLE reco_run_lock (
    lock_name VARCHAR(64) NOT NULL PRIMARY KEY
);

INSERT INTO reco_run_lock (lock_name) VALUES ('beer-reco-batch');
