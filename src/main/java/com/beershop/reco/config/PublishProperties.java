package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Staging, the publish guards and the kept generations.
 *
 * @param batchSize staged rows per JDBC batch and per commit
 * @param maxInputDrop refuse when the ratings or users read fall by more than this share below the last published
 *                     run (a half-finished load), 0.5 = 50 %
 * @param maxCatalogueDrop refuse when the products that can be recommended (known and active) fall by more than
 *                         this share below the last published run (a partial product reload), 0.5 = 50 %
 * @param maxLiveDrop refuse when the rows or users tonight's lists serve fall by more than this share below the
 *                    live table now
 * @param maxNonFiniteShare refuse when more than this share of the users the model scored got NaN or infinite
 *                          scores (a diverged model); such scores never reach a list either way, and a user with no
 *                          finite score gets the most-popular fallback
 * @param minModelAgreement refuse when the mean top-N overlap (Jaccard) of the published model's lists with the
 *                          lists of the hold-out model the gate judged, on a sample of users, falls below this
 *                          (a model that diverged or collapsed when trained again on all ratings); 0 turns it off
 * @param minCoverageRatio refuse when the published model's lists of that sample hold fewer distinct items than
 *                         this share of the judged model's (everyone gets the same few items); 0 turns it off
 * @param allowBlockingReaders publish on SQL Server even with READ_COMMITTED_SNAPSHOT OFF, where every reader of
 *                             the live table waits for the whole publish; without it such a run refuses (exit 9)
 * @param lockTimeout how long the publish waits for a lock on the live table before it gives up (exit 5, nothing
 *                    changed)
 * @param keepGenerations how many published generations keep their rows in {@code reco_staging} so that the
 *                        {@code republish} mode can put them back: the live one and the ones live before it
 * @param republishRunId the run the {@code republish} mode puts back when the command line names none (a
 *                       Kubernetes Job made from a CronJob cannot change its arguments, only its environment)
 * @param rolloutShare the share of users whose lists the model makes (the model arm), 0 to 1; the others (the
 *                     control arm) keep the rows they had before the model. 1: every user, as before the rollout
 * @param rolloutSalt mixed into the hash that puts a user in an arm (see {@code rollout.RolloutArms}); a new salt
 *                    draws new arms
 */
@ConfigurationProperties("reco.publish")
public record PublishProperties(
        @DefaultValue("50000") int batchSize,
        @DefaultValue("0.5") double maxInputDrop,
        @DefaultValue("0.5") double maxCatalogueDrop,
        @DefaultValue("0.5") double maxLiveDrop,
        @DefaultValue("0.01") double maxNonFiniteShare,
        @DefaultValue("0.1") double minModelAgreement,
        @DefaultValue("0.5") double minCoverageRatio,
        @DefaultValue("false") boolean allowBlockingReaders,
        @DefaultValue("PT1M") Duration lockTimeout,

        @DefaultValue("3") int keepGenerations,
        Long republishRunId,
        @DefaultValue("1") double rolloutShare,
        @DefaultValue("beer-reco") String rolloutSalt) {

    /** More would only fill the staging table: every generation holds a full set of rows. */
    public static final int MAX_GENERATIONS = 30;

    public PublishProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("reco.publish.batch-size must be positive");
        }
        for (double share : new double[] {maxInputDrop, maxCatalogueDrop, maxLiveDrop, maxNonFiniteShare,
                minModelAgreement, minCoverageRatio}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException(
                        "reco.publish.max-input-drop, max-catalogue-drop, max-live-drop, max-non-finite-share, "
                        + "min-model-agreement and min-coverage-ratio must lie in [0, 1]");
            }
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("reco.publish.lock-timeout must be positive");
        }
        if (!(rolloutShare >= 0 && rolloutShare <= 1)) {
            throw new IllegalArgumentException("reco.publish.rollout-share must lie in [0, 1] (0.05 = 5 % of users in"
                    + " the model arm), got " + rolloutShare);
        }
        if (keepGenerations < 1 || keepGenerations > MAX_GENERATIONS) {
            throw new IllegalArgumentException("reco.publish.keep-generations must be between 1 and "
                    + MAX_GENERATIONS + " (the live generation always stays), got " + keepGenerations);
        }
    }
}
