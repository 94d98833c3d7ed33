-- Generations: the staged rows of the last reco.publish.keep-generations published runs stay in reco_staging under
-- their run id, so the republish mode can put any of them back. A republish writes a run-history row of its own
-- (run_mode 'republish', outcome REPUBLISHED) that names the run whose rows it restored.
ALTER TABLE reco_run_history ADD COLUMN restored_run_id BIGINT NULL;
