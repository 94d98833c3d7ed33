-- A gradual rollout with a control group, and every published list measured against what customers rated next
-- (issue 22).

-- Which arm a staged row went live for: 'model' (the model's list) or 'control' (the pre-model rows the user kept).
-- NULL on rows staged before this version, when every user was in the model arm.
ALTER TABLE reco_staging ADD COLUMN arm VARCHAR(8) NULL;

-- Generation 0: the live table as it was before the job first published, kept in reco_staging under run_id -1 (job
-- execution ids start at 0 or 1) and never pruned. This row says it was captured (also when the table was empty then), once, by which run.
CREATE TABLE reco_generation_zero (
    captured_by_run  BIGINT        NOT NULL,
    captured_at      TIMESTAMP     NOT NULL,
    rows_captured    BIGINT        NOT NULL,
    CONSTRAINT pk_reco_generation_zero PRIMARY KEY (captured_by_run)
);

-- The run's share of users in the model arm (reco.publish.rollout-share), and the online readout it measured: a JSON
-- list, one object per kept generation and arm, e.g.
--   SELECT h.id, o->>'arm', (o->>'hit_rate')::float FROM reco_run_history h, jsonb_array_elements(h.online::jsonb) o
ALTER TABLE reco_run_history ADD COLUMN rollout_share DOUBLE PRECISION NULL;
ALTER TABLE reco_run_history ADD COLUMN online TEXT NULL;
