package com.beershop.reco.mode;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.schema.RunLock;
import com.beershop.reco.schema.RunLocks;
import com.beershop.reco.schema.SchemaManager;
import com.beershop.reco.tracking.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/** {@code migrate}: the job's own migrations, never under a running job, so no table changes under a run. */
final class MigrateMode implements Mode {

    static final ModeUsage USAGE = ModeUsage.of(RunMode.MIGRATE,
            "apply the migrations of the job's own tables, then exit (the migrate hook)");
    private static final Logger log = LoggerFactory.getLogger(MigrateMode.class);

    private final SchemaManager schema;
    private final RunLocks runLocks;
    private final Duration lockWait;

    /** @param lockWait how long to wait for a running job's lock (bounded: a hook must end) */
    MigrateMode(SchemaManager schema, RunLocks runLocks, Duration lockWait) {
        this.schema = schema;
        this.runLocks = runLocks;
        this.lockWait = lockWait;
    }

    @Override
    public ModeUsage usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> operands) throws Exception {
        try (RunLock lock = runLocks.acquireForMigration(lockWait)) {
            log.info("Migration finished: {} migration(s) applied", schema.migrate());
        }
        return ExitCodes.OK;
    }
}
