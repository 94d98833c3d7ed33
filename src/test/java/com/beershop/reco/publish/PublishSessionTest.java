package com.beershop.reco.publish;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.schema.DatabaseDialect;
import com.beershop.reco.schema.DatabaseVendor;
import com.beershop.reco.testing.CapturedLog;
import com.beershop.reco.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The refusal on SQL Server with READ_COMMITTED_SNAPSHOT OFF. The flag comes from sys.databases, which no database
 * on this machine has; H2 and PostgreSQL are multi-version and never ask (every run in the job tests passes here).
 * Here a stand-in dialect reads the flag from a table of H2's. And the lock timeout the publish runs under, on the
 * session of the publish's own connection.
 */
class PublishSessionTest {

    private MigratedDatabase db;

    @AfterEach
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void shouldRefuseToPublishWhenReadersWouldWaitUnlessAcceptedOnPurpose() {
        assertThat(PublishSession.refusal(false, false, "recommendations"))
                .startsWith("READ_COMMITTED_SNAPSHOT is OFF: every reader of recommendations would wait")
                .contains("reco.publish.allow-blocking-readers=true", "Nothing was published");
        assertThat(PublishSession.refusal(false, true, "recommendations")).isNull();
        assertThat(PublishSession.refusal(true, false, "recommendations")).isNull();
    }

    private PublishSession sessionReadingTheFlag(String flag, boolean allowBlockingReaders) {
        db = MigratedDatabase.h2();
        return readingTheFlag(db, flag, allowBlockingReaders);
    }

    /** A session whose database answers READ_COMMITTED_SNAPSHOT from {@code rcsi.flag}, as SQL Server would. */
    static PublishSession readingTheFlag(MigratedDatabase db, String flag, boolean allowBlockingReaders) {
        db.jdbc.execute("CREATE TABLE rcsi (flag INT)");
        db.jdbc.update("INSERT INTO rcsi VALUES (" + flag + ")");
        DatabaseDialect h2 = DatabaseDialect.of(DatabaseVendor.H2);
        DatabaseDialect standIn = (DatabaseDialect) Proxy.newProxyInstance(PublishSessionTest.class.getClassLoader(),
                new Class<?>[]{DatabaseDialect.class}, (proxy, method, args) ->
                        method.getName().equals("readCommittedSnapshot") ? Optional.of("SELECT flag FROM rcsi")
                                : method.invoke(h2, args));
        return new PublishSession(db.jdbc, Duration.ofSeconds(5), allowBlockingReaders) {
            @Override
            DatabaseDialect dialect() {
                return standIn;
            }
        };
    }

    @ParameterizedTest(name = "flag {0}")
    @CsvSource({"0", "NULL"})
    void shouldRefuseWithTheUnfitDatabaseCodeWhenTheDatabaseSaysReadersWouldWait(String flag) {
        PublishSession session = sessionReadingTheFlag(flag, false);

        RunRefusedException refused = catchThrowableOfType(RunRefusedException.class,
                () -> session.refuseBlockingReaders("recommendations"));

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(refused).hasMessage(PublishSession.refusal(false, false, "recommendations"));
    }

    @ParameterizedTest(name = "flag {0}")
    @CsvSource({"0", "NULL"})
    void shouldWarnButGoOnWhenBlockingReadersAreAcceptedOnPurpose(String flag) {
        PublishSession session = sessionReadingTheFlag(flag, true);

        try (CapturedLog log = CapturedLog.of(PublishSession.class)) {
            session.refuseBlockingReaders("recommendations");

            assertThat(log.lines()).containsExactly("WARN READ_COMMITTED_SNAPSHOT is OFF: readers of recommendations"
                    + " wait until the publish commits (accepted by reco.publish.allow-blocking-readers=true)");
        }
    }

    @Test
    void shouldGoOnSilentlyWhenReadersSeeTheLastCommittedRows() {
        PublishSession session = sessionReadingTheFlag("1", false);

        try (CapturedLog log = CapturedLog.of(PublishSession.class)) {
            session.refuseBlockingReaders("recommendations");

            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void shouldRunThePublishUnderTheLockTimeoutAndPutTheSessionsOwnBackAfterwardsEvenWhenItFails() {
        // given: one connection, so the session setting is observable after the publish
        db = MigratedDatabase.h2();
        SingleConnectionDataSource connection = new SingleConnectionDataSource(db.url, "sa", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(connection);
        jdbc.execute("SET LOCK_TIMEOUT 1234");
        PublishSession session = new PublishSession(jdbc, Duration.ofSeconds(7), false);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(connection);
        RecommendationPublisher publisher = new RecommendationPublisher(jdbc, transactions,
                RecommendationPublisherTest.LIVE, session, () -> { });
        RecommendationPublisherTest.yesterdayLiveAndTonightStaged(db);
        List<Integer> during = new ArrayList<>();

        // when
        Integer result = session.withLockTimeout(() -> during.add(jdbc.queryForObject("SELECT LOCK_TIMEOUT()",
                Integer.class)) ? 1 : 0);
        int afterwards = jdbc.queryForObject("SELECT LOCK_TIMEOUT()", Integer.class);
        catchThrowableOfType(RuntimeException.class, () -> publisher.publish(RecommendationPublisherTest.RUN, 99));
        int afterAFailure = jdbc.queryForObject("SELECT LOCK_TIMEOUT()", Integer.class);
        connection.destroy();

        // then
        assertThat(result).isEqualTo(1);
        assertThat(during).containsExactly(7000);
        assertThat(afterwards).isEqualTo(1234);
        assertThat(afterAFailure).isEqualTo(1234);
    }
}
