package com.beershop.reco;

import com.beershop.reco.check.CheckReport;
import com.beershop.reco.check.CheckResult;
import com.beershop.reco.check.DatabaseFitness;
import com.beershop.reco.config.JobProperties;
import com.beershop.reco.config.ReportFormat;
import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.config.SchemaProperties;
import com.beershop.reco.generation.GenerationReport;
import com.beershop.reco.generation.Republisher;
import com.beershop.reco.job.GracefulStop;
import com.beershop.reco.job.Rehearsal;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.text.ResultOutput;
import com.beershop.reco.tracking.RunReport;
import com.beershop.reco.schema.RunLock;
import com.beershop.reco.schema.RunLocks;
import com.beershop.reco.schema.SchemaManager;
import com.beershop.reco.seed.SampleDataSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Picks the mode from the first argument and runs it; its exit code becomes the process's. */
@Component
public class ModeRunner implements ApplicationRunner, ExitCodeGenerator {

    public static final List<String> MODES = List.of("run", "migrate", "check", "rehearse", "evaluate", "report",
            "republish");
    /** The modes whose standard output is a result for a pipe; the others' is their log, which Kubernetes reads. */
    static final Set<String> RESULT_MODES = Set.of("check", "report");
    static final String USAGE = """
            usage: java -jar beer-reco-batch.jar [MODE] [--property=value ...]

            modes:
              run        (default) the nightly job: load, check input, evaluate, gate, train, score, stage, publish
              migrate    apply the migrations of the job's own tables, then exit (the migrate hook)
              check      prove the database is fit for a run: job schema, InventoryDB's tables and keys, the
                         login's privileges, SQL Server's snapshot reads, id collation and log space, row counts
              rehearse   a whole night on the configured database, its publish rolled back: what each step
                         did, how long the live table stayed locked, the log it wrote, one verdict line; exit 0
                         only when a real night would publish (run it first on a new database)
              evaluate   compare the algorithms of reco.evaluation.candidates on one hold-out; publishes nothing
              report     print the last runs of the run history, then which generation is live and which can
                         be republished (--format=table|json|csv); --html=FILE writes one self-contained HTML
                         page with charts instead (add --format to print as well)
              republish RUN_ID
                         put the generation published by run RUN_ID back in the live table (one transaction; no
                         training, no gate); RUN_ID may come from reco.publish.republish-run-id instead
              help       print this text (also --help)

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
    private static final Logger log = LoggerFactory.getLogger(ModeRunner.class);

    private final SchemaManager schema;
    private final SampleDataSeeder seeder;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job recommendationJob;
    private final Job comparisonJob;
    private final JobProperties jobProperties;
    private final RunReport reportMode;
    private final DatabaseFitness fitness;
    private final GenerationReport generationReport;
    private final Republisher republisher;
    private final PublishProperties publishProperties;
    private final RunLocks runLocks;
    private final SchemaProperties schemaProperties;
    private final GracefulStop gracefulStop;
    private final ResultOutput output;
    private final Job rehearsalJob;
    private final Rehearsal rehearsal;
    private int exitCode = ExitCodes.OK;

    ModeRunner(SchemaManager schema, SampleDataSeeder seeder, JobOperator jobOperator, JobRepository jobRepository,
               Job beerRecommendationJob, Job algorithmComparisonJob, JobProperties jobProperties,
               RunReport reportMode, DatabaseFitness fitness,
               GenerationReport generationReport, Republisher republisher, PublishProperties publishProperties,
               RunLocks runLocks, SchemaProperties schemaProperties, GracefulStop gracefulStop,
               ResultOutput output, Job beerRecommendationRehearsal, Rehearsal rehearsal) {
        this.schema = schema;
        this.seeder = seeder;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.recommendationJob = beerRecommendationJob;
        this.comparisonJob = algorithmComparisonJob;
        this.jobProperties = jobProperties;
        this.reportMode = reportMode;
        this.fitness = fitness;
        this.generationReport = generationReport;
        this.republisher = republisher;
        this.publishProperties = publishProperties;
        this.runLocks = runLocks;
        this.schemaProperties = schemaProperties;
        this.gracefulStop = gracefulStop;
        this.output = output;
        this.rehearsalJob = beerRecommendationRehearsal;
        this.rehearsal = rehearsal;
    }

    /** The usage text, with the algorithms this build knows. */
    static String usage(Collection<String> algorithms) {
        return USAGE.formatted("one of " + String.join(", ", algorithms));
    }

    /** Whether the mode named by the command line's words prints a result on standard output. */
    static boolean printsResult(List<String> words) {
        return !words.isEmpty() && RESULT_MODES.contains(words.get(0));
    }

    /** What is wrong with the words of a command line (the arguments that are not --options), or null. */
    static String usageProblem(List<String> words) {
        if (words.size() > (!words.isEmpty() && words.get(0).equals("republish") ? 2 : 1)) {
            return "one mode at a time, got " + String.join(" ", words);
        }
        if (!words.isEmpty() && !MODES.contains(words.get(0))) {
            return "unknown mode '" + words.get(0) + "'; modes: " + String.join(", ", MODES);
        }
        return null;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        String mode = words.isEmpty() ? "run" : words.get(0);
        String problem = usageProblem(words);
        if (problem != null) {
            throw RunRefusedException.configuration(problem);
        }
        log.info("beer-reco-batch mode '{}'", mode);
        switch (mode) {
            case "migrate" -> migrate();
            case "check" -> check();
            case "run" -> runJob(recommendationJob, true);
            case "rehearse" -> exitCode = rehearsal.report(() -> runJob(rehearsalJob, true));
            case "evaluate" -> runJob(comparisonJob, false);
            case "report" -> {
                schema.prepareForRun();
                ReportFormat format = jobProperties.standardOutputFormat();
                reportMode.report(jobProperties.reportRows(), format, jobProperties.reportHtml(), output.stream());
                if (format == ReportFormat.TABLE) {
                    generationReport.print(output.stream());   // JSON and CSV stay one parseable document
                }
            }
            case "republish" -> {
                long runId = Republisher.runId(words.size() > 1 ? words.get(1) : null,
                        publishProperties.republishRunId());
                schema.prepareForRun();
                try (RunLock lock = acquireRunLock()) { // never beside a run, nor another republish
                    republisher.republish(runId);
                }
            }
            default -> throw new IllegalStateException(mode);
        }
    }

    /** Never under a running job: waits for the run lock (bounded), so tables do not change under a run. */
    private void migrate() throws SQLException, InterruptedException {
        try (RunLock lock = runLocks.acquireForMigration(schemaProperties.migrateLockWait())) {
            log.info("Migration finished: {} migration(s) applied", schema.migrate());
        }
    }

    /** Reads only: it never migrates or seeds, not even an in-memory database (that one is empty until a run). */
    private void check() throws Exception {
        CheckReport report = fitness.run();
        report.print(output.stream());
        exitCode = report.allPassed() ? ExitCodes.OK : ExitCodes.DATABASE_UNFIT;
        if (!report.allPassed()) {
            log.error("The database is not fit for a run: {}", report.failures().stream()
                    .map(CheckResult::name).toList());
        }
    }

    /** {@code exclusive}: hold the run lock for the whole run; a run that cannot get it touches nothing. */
    private JobExecution runJob(Job job, boolean exclusive) throws Exception {
        schema.prepareForRun();
        try (RunLock lock = exclusive ? acquireRunLock() : null) {
            seeder.seedIfWanted();
            recoverDeadExecutions(job, lock != null);
            JobExecution execution = gracefulStop.whileRunning(() -> jobOperator.startNextInstance(job));
            JobOutcome outcome = JobOutcome.of(execution);
            exitCode = outcome.exitCode();
            if (exitCode != ExitCodes.OK) {
                log.error("Job execution {} ended {} (exit code {}): {}", execution.getId(), outcome.outcome(),
                        exitCode, outcome.reason());
            } else if (outcome.reason() != null) {
                log.warn("Job execution {} {}", execution.getId(), outcome.reason());
            }
            return execution;
        }
    }

    private RunLock acquireRunLock() throws SQLException {
        return runLocks.tryAcquire().orElseThrow(() -> RunRefusedException.anotherRunActive(
                "another run holds the run lock '" + RunLock.NAME + "': this run changed nothing and ends"));
    }

    /**
     * Marks executions left "running" by a process that died as failed, so the metadata tells the truth. Under
     * the run lock, an execution is dead unless its process still marks it as its own (a living run that lost its
     * lock ends itself, refusing to publish); without the lock, only old ones count.
     */
    private void recoverDeadExecutions(Job job, boolean holdingRunLock) throws SQLException {
        LocalDateTime cutoff = LocalDateTime.now().minus(jobProperties.staleAfter());
        for (JobExecution running : jobRepository.findRunningJobExecutions(job.getName())) {
            LocalDateTime updated = running.getLastUpdated() != null ? running.getLastUpdated() : running.getStartTime();
            if (holdingRunLock && runLocks.executionOwnerAlive(running.getId())) {
                log.warn("Job execution {} is still running in a process that lost the run lock: it cannot publish"
                        + " and ends itself; not recovered", running.getId());
                continue;
            }
            if (holdingRunLock || updated == null || updated.isBefore(cutoff)) {
                log.warn("Recovering job execution {} left running since {} by a process that died",
                        running.getId(), updated);
                jobOperator.recover(running);
            }
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
