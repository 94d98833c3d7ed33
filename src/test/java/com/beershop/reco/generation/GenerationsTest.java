package com.beershop.reco.generation;

import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.testing.CapturedLog;
import com.beershop.reco.testing.MigratedDatabase;
import com.beershop.reco.tracking.RunHistoryRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which staged rows stay for republish: the last {@code keep} generations put live, newest first, generation 0
 * always; and what the report and the republish mode learn about each generation. On H2 with the job's tables.
 */
class GenerationsTest {

    private final MigratedDatabase db = MigratedDatabase.h2();
    private final PublishedRuns runs = new PublishedRuns(db);

    @AfterEach
    void drop() {
        db.close();
    }

    private Generations keeping(int keep) {
        return new Generations(new RunHistoryRepository(db.jdbc), new StagingRepository(db.jdbc, Duration.ofMinutes(1)),
                db.ownTransaction(), keep);
    }

    @Test
    void shouldClearTheRunsOwnRowsAndEveryRunButTheKeptGenerationsBeforeStaging() {
        // given: runs 10, 11, 12 published (keep 2: 11 and 12 kept), run 13 died after staging, generation 0 is there,
        // and run 14 restarts with rows of its first attempt
        runs.published(10, 2, 3);
        runs.published(11, 2, 3);
        runs.published(12, 2, 3);
        runs.stage(13, 1, 3);
        runs.stage(StagingRepository.GENERATION_ZERO, 1, 2);
        runs.stage(14, 1, 2);

        // when
        int removed = keeping(2).clearBeforeStaging(14);

        // then
        assertThat(removed).isEqualTo(6 + 3 + 2);
        assertThat(runs.stagedRuns()).containsExactly(StagingRepository.GENERATION_ZERO, 11L, 12L);
    }

    @Test
    void shouldClearAKeptGenerationsRowsWhenThatRunStagesAgain() {
        // given: run 12 published and is kept; it is restarted and stages again under its own id
        runs.published(11, 2, 3);
        runs.published(12, 2, 3);

        // when
        int removed = keeping(2).clearBeforeStaging(12);

        // then
        assertThat(removed).isEqualTo(6);
        assertThat(runs.stagedRuns()).containsExactly(11L);
    }

    @Test
    void shouldKeepTheNewRunAndTheGenerationsLiveBeforeItAfterPublishingAndPruneTheRest() {
        // given: runs 10, 11, 12 published; run 13 has just published (its history row is not written yet)
        runs.published(10, 2, 3);
        runs.published(11, 2, 3);
        runs.published(12, 2, 3);
        runs.stage(13, 2, 3);
        runs.stage(StagingRepository.GENERATION_ZERO, 1, 2);

        // when
        List<Long> kept;
        try (CapturedLog log = CapturedLog.of(Generations.class)) {
            kept = keeping(3).pruneAfterPublish(13);

            // then
            assertThat(log.lines()).containsExactly("INFO Kept the rows of the last 3 generation(s) for republish:"
                    + " runs [13, 12, 11]; pruned 6 staged rows");
        }
        assertThat(kept).containsExactly(13L, 12L, 11L);
        assertThat(runs.stagedRuns()).containsExactly(StagingRepository.GENERATION_ZERO, 11L, 12L, 13L);
    }

    @Test
    void shouldKeepOnlyTheNewRunWhenOneGenerationIsKept() {
        runs.published(10, 2, 3);
        runs.stage(11, 2, 3);

        assertThat(keeping(1).pruneAfterPublish(11)).containsExactly(11L);
        assertThat(runs.stagedRuns()).containsExactly(11L);
    }

    @Test
    void shouldNotCountTheRepublishedRunTwiceWhenItIsAlreadyLive() {
        // given: 12 was put back by a republish, so the history already names it as the newest live generation
        runs.published(10, 2, 3);
        runs.published(11, 2, 3);
        runs.published(12, 2, 3);
        runs.republished(12, PublishedRuns.NIGHT.plusDays(20));
        runs.stage(9, 1, 1);

        // when
        List<Long> kept = keeping(3).pruneAfterPublish(12);

        // then
        assertThat(kept).containsExactly(12L, 11L, 10L);
        assertThat(runs.stagedRuns()).containsExactly(10L, 11L, 12L);
    }

    @Test
    void shouldPruneInATransactionOfItsOwnThatACallersRollbackCannotUndo() {
        runs.published(10, 2, 3);
        runs.stage(11, 2, 3);
        TransactionTemplate caller = new TransactionTemplate(db.transactions);

        caller.executeWithoutResult(status -> {
            keeping(1).pruneAfterPublish(11);
            status.setRollbackOnly();
        });

        assertThat(runs.stagedRuns()).containsExactly(11L);
    }

    @Test
    void shouldListPublishedGenerationsNewestLiveFirstWithTheirStagedRows() {
        // given: 10, 11, 12 published; 11's rows pruned; 10 republished, so it is live again; 13 refused; and a
        // republish of 9, a run whose own history row retention has removed
        runs.published(10, 2, 3);
        runs.published(11, 2, 3);
        runs.published(12, 1, 2);
        db.jdbc.update("DELETE FROM reco_staging WHERE run_id = 11");
        runs.republished(10, PublishedRuns.NIGHT.plusDays(20));
        runs.refused(13);
        runs.republished(9, PublishedRuns.NIGHT.plusDays(21));

        // when
        List<Generation> all = keeping(2).list(10);
        List<Generation> two = keeping(2).list(3);

        // then
        assertThat(all).extracting(Generation::runId).containsExactly(10L, 12L, 11L);
        assertThat(all).extracting(Generation::live).containsExactly(false, false, false);
        assertThat(all).extracting(Generation::stagedRows).containsExactly(6L, 2L, 0L);
        assertThat(all).extracting(g -> g.publishedBy().jobExecutionId()).containsExactly(10L, 12L, 11L);
        assertThat(two).extracting(Generation::runId).as("9 first, skipped: no run row").containsExactly(10L, 12L);
    }

    @Test
    void shouldMarkTheNewestPublishedGenerationLive() {
        runs.published(10, 2, 3);
        runs.published(11, 1, 3);

        List<Generation> listed = keeping(2).list(2);

        assertThat(listed).extracting(Generation::runId).containsExactly(11L, 10L);
        assertThat(listed).extracting(Generation::live).containsExactly(true, false);
        assertThat(listed).extracting(Generation::canRepublish).containsExactly(true, true);
    }

    @Test
    void shouldFindAPublishedGenerationWithItsLiveFlagAndStagedRowsAndNothingForARunThatNeverPublished() {
        runs.published(10, 2, 3);
        runs.published(11, 1, 3);
        db.jdbc.update("DELETE FROM reco_staging WHERE run_id = 10");
        runs.refused(12);
        Generations generations = keeping(2);

        Optional<Generation> live = generations.find(11);
        Optional<Generation> pruned = generations.find(10);

        assertThat(live).get().extracting(Generation::live, Generation::stagedRows, Generation::canRepublish)
                .containsExactly(true, 3L, true);
        assertThat(pruned).get().extracting(Generation::live, Generation::stagedRows, Generation::canRepublish)
                .containsExactly(false, 0L, false);
        assertThat(generations.find(12)).as("refused, never published").isEmpty();
        assertThat(generations.find(99)).isEmpty();
        assertThat(generations.keep()).isEqualTo(2);
    }
}
