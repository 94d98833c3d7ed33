package com.beershop.reco.mode;

import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.tracking.RunMode;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;

/** {@code help} (also {@code --help}): the usage, made of every mode's own lines. Needs no Spring, no database. */
public final class HelpMode implements Mode {

    static final ModeUsage USAGE = ModeUsage.of(RunMode.HELP, "print this text (also --help)");
    private static final String HEAD = """
            usage: java -jar beer-reco-batch.jar [MODE] [--property=value ...]

            modes:
            """;
    private static final String TAIL = """

            report, check and help print their result alone on standard output and log to standard error;
            the other modes log to standard output.

            properties (each also an environment variable: reco.model.algorithm is RECO_MODEL_ALGORITHM):
              --spring.datasource.url=jdbc:...   the database; default an in-memory H2 seeded with sample data
              --reco.model.algorithm=ials        %s
              --reco.model.params.factors=8      the algorithm's hyperparameters (README "Configuration")
              --sample-data=DIR                  seed the in-memory database from DIR/products.csv, DIR/ratings.csv

            exit codes: 0 ok, 1 unexpected, 2 configuration, 3 input rejected, 4 quality refused,
              5 infrastructure (worth a retry), 6 schema not current, 7 publish refused, 8 another run active,
              9 database unfit, 134 out of memory, 143 stopped by SIGTERM (README "Exit codes")
            """;

    private final PrintStream out;

    public HelpMode(PrintStream out) {
        this.out = out;
    }

    @Override
    public ModeUsage usage() {
        return USAGE;
    }

    /** Prints the usage, with the algorithms this build knows. */
    @Override
    public int run(List<String> operands) {
        try (Workers workers = Workers.of(1)) {
            out.print(usage(TrainerCatalog.standard(workers).names()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String usage(Collection<String> algorithms) {
        StringBuilder text = new StringBuilder(HEAD);
        Modes.ALL.forEach(mode -> text.append(mode.entry()));
        return text.append(TAIL.formatted("one of " + String.join(", ", algorithms))).toString();
    }
}
