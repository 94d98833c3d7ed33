package com.beershop.reco.mode;

import com.beershop.reco.generation.Republisher;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.schema.RunLock;
import com.beershop.reco.schema.RunLocks;
import com.beershop.reco.schema.SchemaManager;
import com.beershop.reco.tracking.RunMode;

import java.util.List;

/** {@code republish RUN_ID}: an earlier generation back in the live table, under the run lock. */
final class RepublishMode implements Mode {

    static final ModeUsage USAGE = ModeUsage.of(RunMode.REPUBLISH, """
            put the generation published by run RUN_ID back in the live table (one transaction; no
            training, no gate); RUN_ID may come from reco.publish.republish-run-id instead""")
            .withOperand("RUN_ID");

    private final SchemaManager schema;
    private final RunLocks runLocks;
    private final Republisher republisher;
    private final Long configuredRunId;

    /** @param configuredRunId reco.publish.republish-run-id, used when the command line names no run */
    RepublishMode(SchemaManager schema, RunLocks runLocks, Republisher republisher, Long configuredRunId) {
        this.schema = schema;
        this.runLocks = runLocks;
        this.republisher = republisher;
        this.configuredRunId = configuredRunId;
    }

    @Override
    public ModeUsage usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> operands) throws Exception {
        long runId = Republisher.runId(operands.isEmpty() ? null : operands.get(0), configuredRunId);
        schema.prepareForRun();
        try (RunLock lock = runLocks.acquireForRun()) { // never beside a run, nor another republish
            republisher.republish(runId);
        }
        return ExitCodes.OK;
    }
}
