-- One run at a time. PostgreSQL takes an advisory lock (pg_try_advisory_lock) and needs no table; this row is the
-- same one the SQL Server scripts create for H2, so both schemas stay alike and a run could lock it if it had to.
CREATE TABLE reco_run_lock (
    lock_name VARCHAR(64) NOT NULL PRIMARY KEY
);

INSERT INTO reco_run_lock (lock_name) VALUES ('beer-reco-batch');
