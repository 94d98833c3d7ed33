-- The job's own tables. The live recommendations table belongs to InventoryDB and is never altered here.

-- Rows of one run wait here until the publish step copies them into the live table in one transaction.
CREATE TABLE reco_staging (
    run_id      BIGINT        NOT NULL,
    user_id     NVARCHAR(64)  NOT NULL,
    product_id  NVARCHAR(64)  NOT NULL,
    item_rank   INT           NOT NULL,
    CONSTRAINT pk_reco_staging PRIMARY KEY (run_id, user_id, item_rank)
);

-- One row per run (mode run) or per evaluated configuration (mode evaluate): what it trained on, with which
-- parameters, how good it was, and whether it published.
CREATE TABLE reco_run_history (
    id                     BIGINT IDENTITY(1,1) NOT NULL,
    job_execution_id       BIGINT          NULL,
    run_mode               NVARCHAR(16)    NOT NULL,
    started_at             DATETIME2       NOT NULL,
    ended_at               DATETIME2       NULL,
    app_version            NVARCHAR(64)    NULL,
    algorithm              NVARCHAR(64)    NULL,
    params                 NVARCHAR(1000)  NULL,
    seed                   BIGINT          NULL,
    data_fingerprint       NVARCHAR(64)    NULL,
    ratings_read           BIGINT          NULL,
    ratings_rejected       BIGINT          NULL,
    rejected_by_reason     NVARCHAR(1000)  NULL,
    duplicate_ratings      BIGINT          NULL,
    unrecommendable_ratings BIGINT         NULL,
    ratings_used           BIGINT          NULL,
    users                  INT             NULL,
    products               INT             NULL,
    top_n                  INT             NULL,
    users_evaluated        INT             NULL,
    precision_at_n         FLOAT           NULL,
    recall_at_n            FLOAT           NULL,
    ndcg_at_n              FLOAT           NULL,
    map_at_n               FLOAT           NULL,
    coverage               FLOAT           NULL,
    rmse                   FLOAT           NULL,
    mae                    FLOAT           NULL,
    baseline_ndcg_at_n     FLOAT           NULL,
    train_seconds          FLOAT           NULL,
    score_seconds          FLOAT           NULL,
    step_seconds           NVARCHAR(1000)  NULL,
    rows_published         BIGINT          NULL,
    gate_verdict           NVARCHAR(16)    NULL,
    gate_reason            NVARCHAR(1000)  NULL,
    published              BIT             NOT NULL,
    outcome                NVARCHAR(32)    NOT NULL,
    outcome_reason         NVARCHAR(2000)  NULL,
    exit_code              INT             NULL,
    CONSTRAINT pk_reco_run_history PRIMARY KEY (id)
);

CREATE INDEX ix_reco_run_history_started ON reco_run_history (started_at);
