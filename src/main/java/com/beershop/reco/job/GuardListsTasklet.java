package com.beershop.reco.job;

import com.beershop.reco.ingest.LoadedInput;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.scoring.RecommendationLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The publish guards on tonight's lists against what the website serves now, before anything is staged or deleted. */
class GuardListsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(GuardListsTasklet.class);

    private final PublishGuards guards;
    private final RecommendationPublisher publisher;
    private final GateOverride override;
    private final StageResult<LoadedInput> input;
    private final StageResult<RecommendationLists> lists;

    GuardListsTasklet(PublishGuards guards, RecommendationPublisher publisher, GateOverride override,
                      StageResult<LoadedInput> input, StageResult<RecommendationLists> lists) {
        this.guards = guards;
        this.publisher = publisher;
        this.override = override;
        this.input = input;
        this.lists = lists;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RecommendationLists tonight = lists.get();
        PublishGuards.LiveTable live = publisher.liveTable();
        log.info("Publish guards: {} rows for {} users tonight; the live table serves {} rows for {} users",
                tonight.totalRows(), tonight.usersServed(), live.rows(), live.users());
        boolean overridden = override.appliesTo(input.get().read().fingerprint()) != null;
        guards.checkLists(tonight.totalRows(), tonight.usersServed(), tonight.nonFiniteUsers(), tonight.modelUsers(),
                live, overridden);
        guards.checkAgreement(tonight.agreement(), overridden);
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
