package com.beershop.reco.job;

import com.beershop.reco.RunRefusedException;
import com.beershop.reco.config.InputProperties;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.TrainingData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.Locale;

/**
 * Refuses the run, before anything is trained or published, when the input looks broken: too large a share of
 * rejected rows, or too few usable ratings. Otherwise builds the ratings matrix the model steps share.
 */
class CheckInputTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CheckInputTasklet.class);

    private final InputProperties input;
    private final RunState state;

    CheckInputTasklet(InputProperties input, RunState state) {
        this.input = input;
        this.state = state;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RatingsCollector ratings = state.ratings();
        long accepted = ratings.acceptedCount();
        long rejected = ratings.rejectedCount();
        long read = accepted + rejected;
        double share = read == 0 ? 0 : rejected / (double) read;
        if (rejected > 0) {
            log.warn("Rejected {} of {} ratings ({}): {}", rejected, read, percent(share), ratings.rejectedByReason());
        }
        if (share > input.maxRejectedShare()) {
            throw RunRefusedException.rejectedInput(String.format(Locale.ROOT,
                    "%d of %d ratings (%s) were rejected, more than the allowed %s (reco.input.max-rejected-share): %s",
                    rejected, read, percent(share), percent(input.maxRejectedShare()), ratings.rejectedByReason()));
        }
        TrainingData data = ratings.toTrainingData(state.catalog());
        long usable = data.ratings().numRatings();
        if (usable < input.minRatings()) {
            throw RunRefusedException.rejectedInput(String.format(Locale.ROOT,
                    "only %d usable ratings remain, fewer than the %d required (reco.input.min-ratings)",
                    usable, input.minRatings()));
        }
        long unrecommendable = unrecommendableRatings(data);
        state.data(data);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(usable);
        log.info("Input: {} ratings read, {} rejected, {} duplicate pairs (latest kept), {} usable; {} users, {} products"
                        + " rated ({} recommendable); {} ratings of unknown or inactive products kept for training",
                read, rejected, ratings.duplicates(), usable, data.users().size(), data.products().size(),
                data.recommendableCount(), unrecommendable);
        return RepeatStatus.FINISHED;
    }

    static long unrecommendableRatings(TrainingData data) {
        int[] counts = data.ratings().itemCounts();
        long total = 0;
        for (int item = 0; item < counts.length; item++) {
            if (!data.recommendable()[item]) {
                total += counts[item];
            }
        }
        return total;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }
}
