-- One row per candidate of a run's model selection (issue 13): what was tried, in order, how it scored on the
-- validation split carved from the gate's training part, and which one the run chose. A run's row in
-- reco_run_history holds the chosen algorithm and its parameters; join on job_execution_id.
CREATE TABLE reco_model_selection (
    id                BIGINT IDENTITY(1,1) NOT NULL,
    job_execution_id  BIGINT           NOT NULL,
    run_mode          NVARCHAR(16)     NOT NULL,
    position          INT              NOT NULL,
    algorithm         NVARCHAR(64)     NOT NULL,
    params            NVARCHAR(MAX)    NULL,
    status            NVARCHAR(16)     NOT NULL,
    validation_ndcg   FLOAT            NULL,
    seconds           FLOAT            NOT NULL,
    note              NVARCHAR(MAX)    NULL,
    chosen            BIT              NOT NULL,
    CONSTRAINT pk_reco_model_selection PRIMARY KEY (id)
);

CREATE INDEX ix_reco_model_selection_execution ON reco_model_selection (job_execution_id);
