package com.beershop.reco.job;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the jobs' tasklet steps alike: the tasklet in one transaction of the job's transaction manager, and
 * {@link StepMetricsListener} timing it (the benchmark and the run history read its lines).
 */
@Component
class TaskletSteps {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final StepMetricsListener stepMetrics;

    TaskletSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                 StepMetricsListener stepMetrics) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.stepMetrics = stepMetrics;
    }

    /**
     * @param name      the step's name in the metadata, the run history and the metrics: its bean's name
     * @param listeners more listeners, called after the metrics' own
     */
    Step step(String name, Tasklet tasklet, StepExecutionListener... listeners) {
        StepBuilder builder = new StepBuilder(name, jobRepository);
        builder.listener(stepMetrics);
        for (StepExecutionListener listener : listeners) {
            builder.listener(listener);
        }
        return builder.tasklet(tasklet, transactionManager).build();
    }
}
