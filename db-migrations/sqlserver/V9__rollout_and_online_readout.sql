-- A gradual rollout with a control group, and every published list measured against what customers rated next
-- (issue 22). Each statement only adds: no statement uses a column or table an earlier one of this script creates,
-- since SQL Server compiles the whole script as one batch before it runs any of it.

-- Which arm a staged row went live for: 'model' (the model's list) or 'control' (the pre-model rows the user kept).
-- NULL on rows staged before this version, when every user was in the model arm.
ALTER TABLE reco_staging ADD arm VARCHAR(8) NULL;

-- Generation 0: the live table as it was before the job first published, kept in reco_staging under run_id -1 (job
-- execution ids start at 0 or 1) and never pruned. This row says it was captured (also when the table was empty then), once, by which run.
CREATE TABLE reco_generation_zero (
    captured_by_run  BIGINT        NOT NULL,
    captured_at      DATETIME2     NOT NULL,
    rows_captured    BIGINT        NOT NULL,
    CONSTRAINT pk_reco_generation_zero PRIMARY KEY (captured_by_run)
);

-- The run's share of users in the model arm (reco.publish.rollout-share), and the online readout it measured: a JSON
-- list, one object per kept generation and arm, e.g.
--   SELECT h.id, o.* FROM reco_run_history h CROSS APPLY OPENJSON(h.online)
--     WITH (generation BIGINT, arm VARCHAR(8), users INT, users_with_hits INT, hit_rate FLOAT) o
ALTER TABLE reco_run_history ADD rollout_share FLOAT NULL;
ALTER TABLE reco_run_history ADD online NVARCHAR(MAX) NULL;
