package com.beershop.reco;

import com.beershop.reco.config.JobProperties;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.tracking.RunReport;
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

import java.time.LocalDateTime;
import java.util.List;

/** Picks the mode from the first argument and runs it; its exit code becomes the process's. */
@Component
public class ModeRunner implements ApplicationRunner, ExitCodeGenerator {

    public static final List<String> MODES = List.of("run", "migrate", "evaluate", "report");
    private static final Logger log = LoggerFactory.getLogger(ModeRunner.class);

    private final SchemaManager schema;
    private final SampleDataSeeder seeder;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job recommendationJob;
    private final Job comparisonJob;
    private final JobProperties jobProperties;
    private final RunReport reportMode;
    private int exitCode = ExitCodes.OK;

    ModeRunner(SchemaManager schema, SampleDataSeeder seeder, JobOperator jobOperator, JobRepository jobRepository,
               Job beerRecommendationJob, Job algorithmComparisonJob, JobProperties jobProperties,
               RunReport reportMode) {
        this.schema = schema;
        this.seeder = seeder;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.recommendationJob = beerRecommendationJob;
        this.comparisonJob = algorithmComparisonJob;
        this.jobProperties = jobProperties;
        this.reportMode = reportMode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        String mode = words.isEmpty() ? "run" : words.get(0);
        if (!MODES.contains(mode) || words.size() > 1) {
            throw RunRefusedException.configuration("usage: beer-reco-batch [" + String.join("|", MODES)
                    + "] [--property=value ...]; got " + words);
        }
        log.info("beer-reco-batch mode '{}'", mode);
        switch (mode) {
            case "migrate" -> log.info("Migration finished: {} migration(s) applied", schema.migrate());
            case "run" -> runJob(recommendationJob);
            case "evaluate" -> runJob(comparisonJob);
            case "report" -> {
                schema.prepareForRun();
                reportMode.print(jobProperties.reportRows());
            }
            default -> throw new IllegalStateException(mode);
        }
    }

    private void runJob(Job job) throws Exception {
        schema.prepareForRun();
        seeder.seedIfWanted();
        recoverStaleExecutions(job);
        JobExecution execution = jobOperator.startNextInstance(job);
        JobOutcome outcome = JobOutcome.of(execution);
        exitCode = outcome.exitCode();
        if (exitCode != ExitCodes.OK) {
            log.error("Job execution {} ended {} (exit code {}): {}", execution.getId(), outcome.outcome(),
                    exitCode, outcome.reason());
        }
    }

    /** Marks executions left "running" by a killed pod as failed, so the metadata tells the truth. */
    private void recoverStaleExecutions(Job job) {
        LocalDateTime cutoff = LocalDateTime.now().minus(jobProperties.staleAfter());
        for (JobExecution running : jobRepository.findRunningJobExecutions(job.getName())) {
            LocalDateTime updated = running.getLastUpdated() != null ? running.getLastUpdated() : running.getStartTime();
            if (updated == null || updated.isBefore(cutoff)) {
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
