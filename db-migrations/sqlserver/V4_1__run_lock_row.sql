-- The row H2 locks for the length of a run (see V4), in a batch of its own.
INSERT INTO reco_run_lock (lock_name) VALUES ('beer-reco-batch');
