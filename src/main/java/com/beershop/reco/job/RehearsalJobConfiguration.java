package com.beershop.reco.job;

import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.publish.PublishResult;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.rollout.ArmSplit;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.tracking.RunHistoryRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.ListableStepLocator;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The {@code rehearse} mode's job: the nightly job's own steps, reads, model, gate, guards and staging, and then
 * {@code rehearsePublishStep} instead of {@code publishStep}: the same DELETE and INSERT in the publish's
 * transaction, measured and rolled back. Its run-history row says {@code rehearse} / {@code REHEARSED}.
 */
@Configuration(proxyBeanMethods = false)
public class RehearsalJobConfiguration {

    public static final String JOB_NAME = "beerRecommendationRehearsal";

    /** The nightly job's steps, in its order, with its {@code publishStep} swapped for the rehearsed one. */
    @Bean
    public Job beerRecommendationRehearsal(JobRepository jobRepository, Job beerRecommendationJob,
                                           Step rehearsePublishStep, RunHistoryListener runHistoryListener,
                                           Rehearsal rehearsal, GracefulStop gracefulStop) {
        if (!(beerRecommendationJob instanceof ListableStepLocator night)) {
            throw new IllegalStateException("the nightly job does not list its steps");
        }
        List<Step> steps = night.getStepNames().stream().map(night::getStep)
                .map(step -> step.getName().equals("publishStep") ? rehearsePublishStep : step).toList();
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
                .incrementer(new RunIdIncrementer())
                .listener(rehearsal)
                .listener(runHistoryListener)
                .listener(gracefulStop)
                .start(steps.get(0));
        steps.subList(1, steps.size()).forEach(job::next);
        return job.build();
    }

    @Bean
    public Rehearsal rehearsal(RunHistoryRepository history, StagingRepository staging, InventoryProperties inventory) {
        return new Rehearsal(history, staging, inventory.recommendations().table());
    }

    @Bean
    public Step rehearsePublishStep(TaskletSteps steps, RecommendationPublisher publisher,
                                    RunHistoryRepository history, InventoryProperties inventory,
                                    StageResult<RecommendationLists> recommendationLists,
                                    StageResult<PublishResult> publishResult, StageResult<Long> stagedRows,
                                    StageResult<CheckedInput> checkedInput, StageResult<ArmSplit> armSplit) {
        return steps.step("rehearsePublishStep", new RehearsePublishTasklet(publisher, history,
                inventory.recommendations().table(), recommendationLists, publishResult, stagedRows,
                () -> ModelArmLists.of(checkedInput, recommendationLists, armSplit, stagedRows)));
    }
}
