-- params, rejected_by_reason and step_seconds hold JSON objects from now on, so that SQL can query them:
--   SELECT params::jsonb ->> 'factors' FROM reco_run_history
-- Rows written before this version hold Map.toString() text there, which is not JSON: it moves, unchanged, to
-- pre_v3_text, and the three columns of those rows become NULL. Nothing is lost.
ALTER TABLE reco_run_history ADD COLUMN pre_v3_text TEXT NULL;

UPDATE reco_run_history
   SET pre_v3_text = CONCAT('params=', params, '; rejected_by_reason=', rejected_by_reason,
                            '; step_seconds=', step_seconds),
       params = NULL, rejected_by_reason = NULL, step_seconds = NULL;

-- room for every effective hyperparameter and every step, however many a later version records
ALTER TABLE reco_run_history ALTER COLUMN params TYPE TEXT;
ALTER TABLE reco_run_history ALTER COLUMN rejected_by_reason TYPE TEXT;
ALTER TABLE reco_run_history ALTER COLUMN step_seconds TYPE TEXT;
