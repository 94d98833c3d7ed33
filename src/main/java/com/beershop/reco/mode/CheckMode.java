package com.beershop.reco.mode;

import com.beershop.reco.check.CheckReport;
import com.beershop.reco.check.CheckResult;
import com.beershop.reco.check.DatabaseFitness;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.text.ResultOutput;
import com.beershop.reco.tracking.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** {@code check}: reads only; it never migrates or seeds, not even an in-memory database (empty until a run). */
final class CheckMode implements Mode {

    static final ModeUsage USAGE = ModeUsage.of(RunMode.CHECK, """
            prove the database is fit for a run: job schema, InventoryDB's tables and keys, the
            login's privileges, SQL Server's snapshot reads, id collation and log space, row counts""")
            .printingResult();
    private static final Logger log = LoggerFactory.getLogger(CheckMode.class);

    private final DatabaseFitness fitness;
    private final ResultOutput output;

    CheckMode(DatabaseFitness fitness, ResultOutput output) {
        this.fitness = fitness;
        this.output = output;
    }

    @Override
    public ModeUsage usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> operands) throws Exception {
        CheckReport report = fitness.run();
        report.print(output.stream());
        if (report.allPassed()) {
            return ExitCodes.OK;
        }
        log.error("The database is not fit for a run: {}", report.failures().stream().map(CheckResult::name).toList());
        return ExitCodes.DATABASE_UNFIT;
    }
}
