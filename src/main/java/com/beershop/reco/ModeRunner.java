package com.beershop.reco;

import com.beershop.reco.check.CheckReport;
import com.beershop.reco.check.CheckResult;
import com.beershop.reco.check.DatabaseFitness;
import com.beershop.reco.config.JobProperties;
import com.beershop.reco.config.ReportFormat;
import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.generation.GenerationReport;
import com.beershop.reco.generation.Republisher;
import com.beershop.reco.job.GracefulStop;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.tracking.RunReport;
import com.beershop.reco.schema.RunLock;
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

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/** Picks the mode from the first argument and runs it; its exit code becomes the process's. */
@Component
public class ModeRunner implements ApplicationRunner, ExitCodeGenerator {

    public static final List<String> MODES = List.of("run", "migrate", "check", "evaluate", "report", "republish");
    static final String USAGE = """
            usage: java -jar beer-reco-batch.jar [MODE] [--property=value ...]

            modes:
              run        (default) the nightly job: load, check input, evaluate, gate, train, score, stage, publish
              migrate    apply the migrations of the job's own tables, then exit (the PreSync hook)
              check      prove the database is fit for a run: job schema, InventoryDB's tables and keys, the
                         login's privileges, SQL Server's snapshot reads, id collation and log space, row counts
              evaluate   compare the algorithms of reco.evaluation.candidates on one hold-out; publishes nothing
              report     print the last runs of the run history, then which generation is live and which can
                         be republished (--format=table|json|csv; --html=FILE also writes one self-contained
                         HTML page with charts)
              republish RUN_ID
                         put the generation published by run RUN_ID back in the live table (one transaction; no
                         training, no gate); RUN_ID may come from reco.publish.republish-run-id instead
              help       print this text (also --help)

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
    /** How long a run waits for H2's lock row (the other databases answer at once). */
    private static final Duration H2_LOCK_WAIT = Duration.ofSeconds(1);

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
    private final DataSource dataSource;
    private final GracefulStop gracefulStop;
    private int exitCode = ExitCodes.OK;

    ModeRunner(SchemaManager schema, SampleDataSeeder seeder, JobOperator jobOperator, JobRepository jobRepository,
               Job beerRecommendationJob, Job algorithmComparisonJob, JobProperties jobProperties,
               RunReport reportMode, DatabaseFitness fitness,
               GenerationReport generationReport, Republisher republisher, PublishProperties publishProperties,
               DataSource dataSource, GracefulStop gracefulStop) {
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
        this.dataSource = dataSource;
        this.gracefulStop = gracefulStop;
    }

    /** The usage text, with the algorithms this build knows. */
    static String usage(Collection<String> algorithms) {
        return USAGE.formatted("one of " + String.join(", ", algorithms));
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
            case "migrate" -> log.info("Migration finished: {} migration(s) applied", schema.migrate());
            case "check" -> check();
            case "run" -> runJob(recommendationJob, true);
            case "evaluate" -> runJob(comparisonJob, false);
            case "report" -> {
                schema.prepareForRun();
                reportMode.report(jobProperties.reportRows(), jobProperties.reportFormat(), jobProperties.reportHtml());
                if (jobProperties.reportFormat() == ReportFormat.TABLE) {
                    generationReport.print();   // JSON and CSV stay one parseable document
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

    /** Reads only: it never migrates or seeds, not even an in-memory database (that one is empty until a run). */
    private void check() throws Exception {
        CheckReport report = fitness.run();
        report.print(System.out);
        exitCode = report.allPassed() ? ExitCodes.OK : ExitCodes.DATABASE_UNFIT;
        if (!report.allPassed()) {
            log.error("The database is not fit for a run: {}", report.failures().stream()
                    .map(CheckResult::name).toList());
        }
    }

    /** {@code exclusive}: hold the run lock for the whole run; a run that cannot get it touches nothing. */
    private void runJob(Job job, boolean exclusive) throws Exception {
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
        }
    }

    private RunLock acquireRunLock() throws SQLException {
        return RunLock.tryAcquire(dataSource, H2_LOCK_WAIT).orElseThrow(() -> RunRefusedException.anotherRunActive(
                "another run holds the run lock '" + RunLock.NAME + "': this run changed nothing and ends"));
    }

    /**
     * Marks executions left "running" by a process that died as failed, so the metadata tells the truth. Under
     * the run lock every such execution is dead (only the lock's holder runs); without it, only old ones count.
     */
    private void recoverDeadExecutions(Job job, boolean holdingRunLock) {
        LocalDateTime cutoff = LocalDateTime.now().minus(jobProperties.staleAfter());
        for (JobExecution running : jobRepository.findRunningJobExecutions(job.getName())) {
            LocalDateTime updated = running.getLastUpdated() != null ? running.getLastUpdated() : running.getStartTime();
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
