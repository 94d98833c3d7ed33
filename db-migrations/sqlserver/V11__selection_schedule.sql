-- One row per model selection (issue 21): when it ran, why, on which data and configuration, what it chose and
-- what it spent of its work budget. A run selects only when the latest row is too old, its data changed too much
-- or its configuration changed; on other nights it reuses the latest row's choice. selected_at is UTC.
CREATE TABLE reco_selection (
    id                  BIGINT IDENTITY(1,1) NOT NULL,
    job_execution_id    BIGINT           NOT NULL,
    run_mode            NVARCHAR(16)     NOT NULL,
    selected_at         DATETIME2        NOT NULL,
    reason              NVARCHAR(1000)   NOT NULL,
    data_fingerprint    NVARCHAR(64)     NOT NULL,
    ratings             BIGINT           NOT NULL,
    users               INT              NOT NULL,
    products            INT              NOT NULL,
    configuration_key   NVARCHAR(64)     NOT NULL,
    chosen_spec         NVARCHAR(1000)   NOT NULL,
    validation_ndcg     FLOAT            NULL,
    candidates          INT              NOT NULL,
    evaluated           INT              NOT NULL,
    skipped             INT              NOT NULL,
    work_budget         FLOAT            NOT NULL,
    work_spent          FLOAT            NOT NULL,
    wall_limit_seconds  FLOAT            NOT NULL,
    wall_limit_hit      BIT              NOT NULL,
    seconds             FLOAT            NOT NULL,
    CONSTRAINT pk_reco_selection PRIMARY KEY (id)
);

CREATE INDEX ix_reco_selection_execution ON reco_selection (job_execution_id);

-- what each candidate costs in the cost model's units, charged to the work budget
ALTER TABLE reco_model_selection ADD work_units FLOAT NULL;

-- the reco_selection row whose choice a run trained, and whether it selected tonight or reused it
ALTER TABLE reco_run_history ADD selection_id BIGINT NULL;
ALTER TABLE reco_run_history ADD selection_note NVARCHAR(1000) NULL;
