package com.beershop.reco.generation;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.RunOutcome;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.publish.PublishSession;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.testing.CapturedLog;
import com.beershop.reco.testing.MigratedDatabase;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The {@code republish} mode on H2 with the job's tables: a kept generation goes back live in one publish and is
 * recorded; a run id that is no kept generation is refused before anything is touched; the shrink guard and a
 * database failure are recorded too.
 */
class RepublisherTest {

    private final MigratedDatabase db = MigratedDatabase.h2();
    private final PublishedRuns runs = new PublishedRuns(db);
    private final RunHistoryRepository history = new RunHistoryRepository(db.jdbc);
    private final StagingRepository staging = new StagingRepository(db.jdbc, Duration.ofMinutes(1));
    private final Generations generations = new Generations(history, staging, db.ownTransaction(), 3);
    private final PublishGuards guards = new PublishGuards(0.5, 0.5, 0.5, 0.01, 0.1, 0.5);

    @AfterEach
    void drop() {
        db.close();
    }

    private Republisher republisher(Predicate<String> overridden, Runnable verifyRunLock) {
        RecommendationPublisher publisher = new RecommendationPublisher(db.jdbc, db.transactions,
                new RecommendationsTable("recommendations", "user_id", "product_id", "rank"),
                new PublishSession(db.jdbc, Duration.ofSeconds(5), false), verifyRunLock);
        return new Republisher(generations, history, staging, publisher, guards, overridden, "9.9.9");
    }

    private Republisher republisher() {
        return republisher(fingerprint -> false, () -> { });
    }

    /** Runs 10 and 11 published four users' lists each; 11 is live. */
    private void twoNights() {
        runs.published(10, 4, 3);
        runs.published(11, 4, 2);
        runs.live(11);
    }

    private Map<String, Object> lastHistoryRow() {
        return db.jdbc.queryForMap("SELECT * FROM reco_run_history WHERE id = (SELECT MAX(id) FROM reco_run_history)");
    }

    @Test
    void shouldPutAKeptGenerationBackLiveAndRecordTheRepublish() {
        // given
        twoNights();
        LocalDateTime before = LocalDateTime.now();

        // when
        RunRecord row = republisher().republish(10);

        // then: the live table holds run 10's rows, and the history says so
        assertThat(runs.liveRows()).isEqualTo(runs.stagedRows(10));
        assertThat(row.runMode()).isEqualTo("republish");
        assertThat(row.restoredRunId()).isEqualTo(10L);
        assertThat(row.outcome()).isEqualTo(RunOutcome.REPUBLISHED.name());
        assertThat(row.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(row.published()).isTrue();
        assertThat(row.rowsPublished()).isEqualTo(12L);
        assertThat(row.appVersion()).isEqualTo("9.9.9");
        assertThat(row.dataFingerprint()).isEqualTo("fp-10");
        assertThat(row.outcomeReason())
                .isEqualTo("restored run 10 (als, published 2026-11-30T02:30): 12 rows replaced 8");
        assertThat(row.startedAt()).isBetween(before, row.endedAt());
        assertThat(row.stepSeconds()).matches("\\{\"publish\":\\d{1,2}\\.\\d+}");
        Map<String, Object> recorded = lastHistoryRow();
        assertThat(recorded.get("OUTCOME")).isEqualTo("REPUBLISHED");
        assertThat(recorded.get("RESTORED_RUN_ID")).isEqualTo(10L);
        assertThat(recorded.get("ROWS_PUBLISHED")).isEqualTo(12L);
        assertThat(generations.find(10)).get().extracting(Generation::live).isEqualTo(true);
    }

    @Test
    void shouldPublishTheLiveGenerationsRowsAgainWhenAskedToRepublishIt() {
        twoNights();
        db.jdbc.update("DELETE FROM recommendations WHERE user_id = 'U11-1'");

        try (CapturedLog log = CapturedLog.of(Republisher.class)) {
            RunRecord row = republisher().republish(11);

            assertThat(row.outcomeReason()).endsWith("8 rows replaced 6");
            assertThat(log.lines()).contains("INFO Generation 11 is already live; publishing its rows again");
        }
        assertThat(runs.liveRows()).isEqualTo(runs.stagedRows(11));
    }

    @Test
    void shouldNotSayAnOlderGenerationIsAlreadyLive() {
        twoNights();

        try (CapturedLog log = CapturedLog.of(Republisher.class)) {
            republisher().republish(10);

            assertThat(log.lines()).noneMatch(line -> line.contains("already live"))
                    .contains("INFO Republished generation 10: 12 rows live again (8 replaced); the live table holds"
                            + " what run 10 published");
        }
    }

    @Test
    void shouldRefuseARunThatNeverPublishedNamingTheKeptGenerationsAndTouchNothing() {
        twoNights();
        runs.refused(12);
        List<String> live = runs.liveRows();

        RunRefusedException refused = catchThrowableOfType(RunRefusedException.class,
                () -> republisher().republish(12));

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(refused).hasMessage("run 12 never published, so there is no generation 12 to republish;"
                + " kept generations: 11 (live), 10");
        assertThat(runs.liveRows()).isEqualTo(live);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history")).isEqualTo(3);
    }

    @Test
    void shouldSayNoGenerationIsKeptYetOnAnEmptyHistory() {
        RunRefusedException refused = catchThrowableOfType(RunRefusedException.class, () -> republisher().republish(3));

        assertThat(refused).hasMessage("run 3 never published, so there is no generation 3 to republish;"
                + " no generation is kept yet");
    }

    @Test
    void shouldRefuseAPrunedGenerationSayingHowManyOfItsRowsAreLeft() {
        twoNights();
        db.jdbc.update("DELETE FROM reco_staging WHERE run_id = 10 AND user_id = 'U10-1'");

        RunRefusedException refused = catchThrowableOfType(RunRefusedException.class,
                () -> republisher().republish(10));

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(refused).hasMessage("generation 10 was pruned (its staged rows are gone: 9 of 12 left);"
                + " kept generations: 11 (live)");
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history")).isEqualTo(2);
    }

    @Test
    void shouldRefuseAndRecordARepublishThatWouldServeFarFewerUsersThanTheLiveTable() {
        // given: run 10 served one user; run 11, live, serves four
        runs.published(10, 1, 2);
        runs.published(11, 4, 2);
        runs.live(11);
        List<String> live = runs.liveRows();

        // when
        RunRefusedException refused = catchThrowableOfType(RunRefusedException.class,
                () -> republisher(fingerprint -> fingerprint.equals("fp-11"), () -> { }).republish(10));

        // then
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.PUBLISH_REFUSED);
        assertThat(refused).hasMessageContaining("users served fell from 4 to 1");
        assertThat(runs.liveRows()).isEqualTo(live);
        Map<String, Object> recorded = lastHistoryRow();
        assertThat(recorded.get("OUTCOME")).isEqualTo("PUBLISH_REFUSED");
        assertThat(recorded.get("EXIT_CODE")).isEqualTo(ExitCodes.PUBLISH_REFUSED);
        assertThat(recorded.get("PUBLISHED")).isEqualTo(false);
        assertThat(recorded.get("ROWS_PUBLISHED")).isEqualTo(0L);
        assertThat(recorded.get("RESTORED_RUN_ID")).isEqualTo(10L);
        assertThat((String) recorded.get("OUTCOME_REASON")).contains("users served fell from 4 to 1");
    }

    @Test
    void shouldLetTheOverrideForTheRestoredRunsDataThroughTheShrinkGuard() {
        runs.published(10, 1, 2);
        runs.published(11, 4, 2);
        runs.live(11);

        RunRecord row = republisher(fingerprint -> fingerprint.equals("fp-10"), () -> { }).republish(10);

        assertThat(row.outcome()).isEqualTo(RunOutcome.REPUBLISHED.name());
        assertThat(runs.liveRows()).isEqualTo(runs.stagedRows(10));
    }

    @Test
    void shouldNotApplyAnOverrideToARestoredRunWithoutADataFingerprint() {
        runs.published(10, 1, 2, null, 0.2);
        runs.published(11, 4, 2);
        runs.live(11);

        RunRefusedException refused = catchThrowableOfType(RunRefusedException.class,
                () -> republisher(fingerprint -> true, () -> { }).republish(10));

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.PUBLISH_REFUSED);
    }

    @Test
    void shouldRecordADatabaseFailureDuringTheRepublishAsInfrastructureAndRethrowIt() {
        twoNights();
        List<String> live = runs.liveRows();
        QueryTimeoutException timeout = new QueryTimeoutException("the run lock check timed out");

        QueryTimeoutException thrown = catchThrowableOfType(QueryTimeoutException.class,
                () -> republisher(fingerprint -> false, () -> {
                    throw timeout;
                }).republish(10));

        assertThat(thrown).isSameAs(timeout);
        assertThat(runs.liveRows()).isEqualTo(live);
        Map<String, Object> recorded = lastHistoryRow();
        assertThat(recorded.get("OUTCOME")).isEqualTo("INFRASTRUCTURE_FAILURE");
        assertThat(recorded.get("EXIT_CODE")).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(recorded.get("OUTCOME_REASON")).isEqualTo("the run lock check timed out");
        assertThat(recorded.get("PUBLISHED")).isEqualTo(false);
    }

    @Test
    void shouldRecordHowLongTheRepublishTookInItsStepSeconds() {
        // given: each run-lock check of the publish takes 60 ms, so the publish takes at least 0.12 s
        twoNights();
        Runnable slowCheck = () -> {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        // when
        RunRecord row = republisher(fingerprint -> false, slowCheck).republish(10);

        // then
        String seconds = row.stepSeconds().replaceAll("[^0-9.]", "");
        assertThat(Double.parseDouble(seconds)).isBetween(0.12, 30.0);
    }

    @Test
    void shouldTakeTheRunIdFromTheCommandLineBeforeTheConfiguration() {
        assertThat(Republisher.runId(" 42 ", 7L)).isEqualTo(42L);
        assertThat(Republisher.runId(null, 7L)).isEqualTo(7L);
    }

    @Test
    void shouldRefuseAMissingOrMalformedRunIdAsConfiguration() {
        RunRefusedException missing = catchThrowableOfType(RunRefusedException.class,
                () -> Republisher.runId(null, null));
        RunRefusedException malformed = catchThrowableOfType(RunRefusedException.class,
                () -> Republisher.runId("last", 7L));

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(missing).hasMessageStartingWith("republish needs the run id of a kept generation");
        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(malformed).hasMessageStartingWith("republish RUN_ID: 'last' is not a run id");
    }
}
