-- params, rejected_by_reason and step_seconds hold JSON objects from now on, so that SQL can query them:
--   SELECT JSON_VALUE(params, '$.factors') FROM reco_run_history
-- Rows written before this version hold Map.toString() text there, which is not JSON: V3.1 moves it, unchanged,
-- to pre_v3_text, and the three columns of those rows become NULL. Nothing is lost.
-- Flyway sends a SQL Server script as one batch, which SQL Server compiles before it runs any of it: a statement
-- that used pre_v3_text here would fail to compile (Msg 207), so the UPDATE has a script of its own (V3.1).

ALTER TABLE reco_run_history ADD pre_v3_text NVARCHAR(MAX) NULL;

-- room for every effective hyperparameter and every step, however many a later version records
ALTER TABLE reco_run_history ALTER COLUMN params NVARCHAR(MAX) NULL;
ALTER TABLE reco_run_history ALTER COLUMN rejected_by_reason NVARCHAR(MAX) NULL;
ALTER TABLE reco_run_history ALTER COLUMN step_seconds NVARCHAR(MAX) NULL;
