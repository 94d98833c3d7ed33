-- How many products the run could recommend (known and active), so that the next run can refuse a catalogue that
-- shrank sharply against the last published run (issue 19: a half-done product reload that leaves `active` NULL).
-- NULL for rows written before this version and for runs that did not get as far as the input check.
ALTER TABLE reco_run_history ADD recommendable_products INT NULL;
