package com.beershop.reco.job;

import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.rollout.ArmSplit;
import com.beershop.reco.rollout.LiveModelArm;
import com.beershop.reco.rollout.RolloutArms;
import com.beershop.reco.scoring.RecommendationLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The publish guards on tonight's lists against what the website serves now, before anything is staged or deleted.
 * Per arm: the model arm's new lists against what the live table serves the same users now (the control arm's rows
 * are not the model's); with no model arm (share 0) nothing of the model goes live and nothing is checked.
 */
class GuardPublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(GuardPublishTasklet.class);

    private final PublishGuards guards;
    private final LiveModelArm liveModelArm;
    private final RolloutArms arms;
    private final GateOverride override;
    private final StageResult<CheckedInput> input;
    private final StageResult<RecommendationLists> lists;
    private final StageResult<ArmSplit> split;

    GuardPublishTasklet(PublishGuards guards, LiveModelArm liveModelArm, RolloutArms arms, GateOverride override,
                      StageResult<CheckedInput> input, StageResult<RecommendationLists> lists,
                      StageResult<ArmSplit> split) {
        this.guards = guards;
        this.liveModelArm = liveModelArm;
        this.arms = arms;
        this.override = override;
        this.input = input;
        this.lists = lists;
        this.split = split;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RecommendationLists tonight = lists.get();
        ArmSplit arm = ArmSplit.of(tonight, input.get().data().users(), arms);
        split.set(arm);
        if (arm.noModelArm()) {
            log.info("Publish guards: rollout share 0, no model list goes live: nothing to check");
            contribution.incrementReadCount();
            return RepeatStatus.FINISHED;
        }
        PublishGuards.LiveTable live = liveModelArm.of(arms);
        log.info("Publish guards: {} rows for {} users of the model arm tonight; the live table serves them {} rows"
                + " for {} users", arm.modelRows(), arm.modelUsersServed(), live.rows(), live.users());
        boolean overridden = override.appliesTo(input.get().read().fingerprint()).isPresent();
        // the non-finite share over the users the model scored (not those who got the fallback for few ratings)
        guards.checkLists(arm.modelRows(), arm.modelUsersServed(), tonight.nonFiniteUsers(), tonight.modelUsers(),
                live, overridden);
        guards.checkAgreement(tonight.agreement(), overridden);
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
