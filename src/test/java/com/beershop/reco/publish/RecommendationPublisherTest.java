package com.beershop.reco.publish;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.beershop.reco.testing.CapturedLog;
import com.beershop.reco.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The publish against a real database: the live table's rows replaced by one run's staged rows in one transaction,
 * the run lock checked before the DELETE and before the commit, a copy that does not match what was staged rolled
 * back. H2 (the SQL Server scripts) and PostgreSQL.
 */
class RecommendationPublisherTest {

    static final RecommendationsTable LIVE = new RecommendationsTable("recommendations", "user_id", "product_id",
            "rank");
    static final long RUN = 5;

    private MigratedDatabase db;

    @AfterEach
    void drop() {
        db.close();
    }

    /** Yesterday's 4 live rows (2 users); tonight's run 5 staged 6 rows (3 users). */
    static void yesterdayLiveAndTonightStaged(MigratedDatabase db) {
        db.jdbc.update("INSERT INTO recommendations (user_id, product_id, rank)"
                + " VALUES ('U1', 'B1', 1), ('U1', 'B2', 2), ('U2', 'B1', 1), ('U2', 'B3', 2)");
        new StagingRepository(db.jdbc, Duration.ofMinutes(1)).insert(RUN, List.of(new StagedRow("U1", "B7", 1),
                new StagedRow("U1", "B8", 2), new StagedRow("U2", "B7", 1), new StagedRow("U2", "B9", 2),
                new StagedRow("U3", "B8", 1), new StagedRow("U3", "B9", 2)));
    }

    static List<String> liveRows(JdbcTemplate jdbc) {
        return jdbc.query("SELECT user_id, product_id, rank FROM recommendations ORDER BY user_id, rank",
                (rs, i) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getInt(3));
    }

    private MigratedDatabase database(String vendor) {
        db = vendor.equals("h2") ? MigratedDatabase.h2() : MigratedDatabase.postgres();
        yesterdayLiveAndTonightStaged(db);
        return db;
    }

    private RecommendationPublisher publisher(Runnable verifyRunLock) {
        return new RecommendationPublisher(db.jdbc, db.transactions, LIVE,
                new PublishSession(db.jdbc, Duration.ofSeconds(7), false), verifyRunLock);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldReplaceTheLiveRowsWithTheRunsStagedRowsAndSayWhatChanged(String vendor) {
        // given
        database(vendor);
        RecommendationPublisher publisher = publisher(() -> { });
        assertThat(publisher.liveTable()).isEqualTo(new PublishGuards.LiveTable(4, 2));

        // when
        PublishResult result;
        try (CapturedLog log = CapturedLog.of(RecommendationPublisher.class)) {
            result = publisher.publish(RUN, 6);

            assertThat(log.lines()).singleElement().asString().matches("INFO Published 6 rows to recommendations in"
                    + " \\d{1,5} ms \\(one transaction; replaced 4 rows; DELETE \\d{1,5} ms, INSERT \\d{1,5} ms\\)");
        }

        // then
        assertThat(result).isEqualTo(new PublishResult(RUN, 4, 6));
        assertThat(liveRows(db.jdbc)).containsExactly("U1:B7:1", "U1:B8:2", "U2:B7:1", "U2:B9:2", "U3:B8:1", "U3:B9:2");
        assertThat(publisher.liveTable()).isEqualTo(new PublishGuards.LiveTable(6, 3));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {5, 7})
    void shouldRollBackAndLeaveTheLiveTableUnchangedWhenTheCopyDiffersFromWhatWasStaged(long expectedRows) {
        database("h2");
        List<String> yesterday = liveRows(db.jdbc);

        IncorrectUpdateSemanticsDataAccessException failure = catchThrowableOfType(
                IncorrectUpdateSemanticsDataAccessException.class,
                () -> publisher(() -> { }).publish(RUN, expectedRows));

        assertThat(failure).hasMessage("publish copied 6 rows but the run staged " + expectedRows
                + "; rolled back, the live table is unchanged");
        assertThat(liveRows(db.jdbc)).isEqualTo(yesterday);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldCheckTheRunLockBeforeTheDeleteAndAgainAfterTheInsertInsideThePublish(String vendor) {
        database(vendor);
        List<Long> liveRowsAtEachCheck = new ArrayList<>();

        publisher(() -> liveRowsAtEachCheck.add(db.count("SELECT COUNT(*) FROM recommendations"))).publish(RUN, 6);

        // the check runs on the publish's own connection: it sees yesterday's 4 rows, then tonight's 6
        assertThat(liveRowsAtEachCheck).containsExactly(4L, 6L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldRollBackThePublishWhenTheRunLockIsLostBeforeTheCommit(String vendor) {
        database(vendor);
        List<String> yesterday = liveRows(db.jdbc);
        int[] checks = {0};

        RunRefusedException lost = catchThrowableOfType(RunRefusedException.class, () -> publisher(() -> {
            if (++checks[0] == 2) {
                throw RunRefusedException.runLockLost("the run lock's session ended");
            }
        }).publish(RUN, 6));

        assertThat(lost.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(liveRows(db.jdbc)).isEqualTo(yesterday);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldRehearseTheWholePublishThenRollItBack(String vendor) {
        database(vendor);
        List<String> yesterday = liveRows(db.jdbc);
        List<Long> liveRowsAtEachCheck = new ArrayList<>();

        RehearsedPublish rehearsed = publisher(() -> liveRowsAtEachCheck.add(db.count(
                "SELECT COUNT(*) FROM recommendations"))).rehearse(RUN, 6);

        assertThat(rehearsed.result()).isEqualTo(new PublishResult(RUN, 4, 6));
        assertThat(liveRowsAtEachCheck).containsExactly(4L, 6L);
        assertThat(liveRows(db.jdbc)).as("rolled back").isEqualTo(yesterday);
        assertThat(List.of(rehearsed.deleteMillis(), rehearsed.insertMillis(), rehearsed.lockMillis()))
                .allSatisfy(millis -> assertThat(millis).isBetween(0L, 60_000L));
        assertThat(rehearsed.lockMillis()).isGreaterThanOrEqualTo(rehearsed.deleteMillis());
        assertThat(rehearsed.measures()).hasSize(2).first().asString().startsWith("transaction log: ");
        if (vendor.equals("h2")) {
            assertThat(rehearsed.measures()).containsExactly("transaction log: not measurable on H2",
                    "version store: not measurable on H2");
        } else {
            assertThat(rehearsed.measures().get(0)).matches("transaction log: \\d+(\\.\\d)? (bytes|KB|MB), .*");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldRefuseARehearsalWhoseCopyDiffersFromWhatWasStaged(String vendor) {
        database(vendor);

        assertThat(catchThrowableOfType(IncorrectUpdateSemanticsDataAccessException.class,
                () -> publisher(() -> { }).rehearse(RUN, 9))).hasMessageContaining("the run staged 9");
    }

    @ParameterizedTest(name = "rehearse: {0}")
    @ValueSource(booleans = {false, true})
    void shouldRefuseBeforeTouchingTheLiveTableWhereReadersWouldWaitForThePublish(boolean rehearse) {
        // given: a database that says readers wait for writers (SQL Server with READ_COMMITTED_SNAPSHOT OFF)
        database("h2");
        List<String> yesterday = liveRows(db.jdbc);
        List<String> checks = new ArrayList<>();
        RecommendationPublisher publisher = new RecommendationPublisher(db.jdbc, db.transactions, LIVE,
                PublishSessionTest.readingTheFlag(db, "0", false), () -> checks.add("run lock checked"));

        // when
        RunRefusedException refused = catchThrowableOfType(RunRefusedException.class,
                () -> {
                    if (rehearse) {
                        publisher.rehearse(RUN, 6);
                    } else {
                        publisher.publish(RUN, 6);
                    }
                });

        // then
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(checks).as("refused before the publish transaction began").isEmpty();
        assertThat(liveRows(db.jdbc)).isEqualTo(yesterday);
    }

    @Test
    void shouldCommitThePublishOnItsOwnEvenWhenTheCallersTransactionRollsBack() {
        // given: the publish is called from a step's transaction, which later rolls back
        database("h2");
        RecommendationPublisher publisher = publisher(() -> { });

        // when
        new TransactionTemplate(db.transactions).executeWithoutResult(status -> {
            publisher.publish(RUN, 6);
            status.setRollbackOnly();
        });

        // then
        assertThat(liveRows(db.jdbc)).hasSize(6).contains("U3:B8:1");
    }

    @Test
    void shouldTimeTheRehearsedStatementsAndHowLongTheLiveRowsStayedLocked() {
        // given: each run-lock check takes 50 ms; the first runs before the DELETE, the second after the INSERT
        database("h2");
        Runnable slowCheck = () -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        // when
        RehearsedPublish rehearsed = publisher(slowCheck).rehearse(RUN, 6);

        // then
        assertThat(rehearsed.deleteMillis()).isBetween(50L, 30_000L);
        assertThat(rehearsed.insertMillis()).isBetween(50L, 30_000L);
        assertThat(rehearsed.lockMillis()).isGreaterThanOrEqualTo(rehearsed.deleteMillis() + rehearsed.insertMillis());
    }
}
