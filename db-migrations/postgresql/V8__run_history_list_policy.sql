-- How the run made and measured its lists (issue 13): the style re-rank's weight (0: the model's own order), the
-- hold-out kind the gate judged on ('random' or 'time': each user's latest ratings), and how varied the published
-- lists were by style: distinct styles per list on average, and the share of lists where one style fills more
-- than half the places. NULL for rows written before this version, and the style figures for a run that did not
-- get as far as scoring.
ALTER TABLE reco_run_history ADD COLUMN diversity_weight DOUBLE PRECISION NULL;
ALTER TABLE reco_run_history ADD COLUMN holdout_split VARCHAR(10) NULL;
ALTER TABLE reco_run_history ADD COLUMN distinct_styles DOUBLE PRECISION NULL;
ALTER TABLE reco_run_history ADD COLUMN crowded_lists_share DOUBLE PRECISION NULL;
