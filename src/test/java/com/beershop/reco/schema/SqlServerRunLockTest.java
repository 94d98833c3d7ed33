package com.beershop.reco.schema;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.FailureClassifier;
import com.beershop.reco.outcome.RunRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQL Server's run lock, as SQL Server receives it: the real {@link SqlServerDialect} statements and {@link RunLocks}
 * run against stand-ins for {@code sp_getapplock}, {@code sp_releaseapplock} and {@code APPLOCK_MODE}, given to H2
 * with {@code CREATE ALIAS}. Each stand-in records its arguments and answers with the code a test chooses, so the
 * tests pin the calls made and what the job does with every documented answer
 * (learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-getapplock-transact-sql: 0 and 1
 * granted, -1 timed out, -2 cancelled, -3 deadlock victim, -999 a bad call). Public: H2 calls the stand-ins.
 */
public class SqlServerRunLockTest {

    static final List<String> calls = new CopyOnWriteArrayList<>();
    static volatile int getAppLockAnswer;
    static volatile int releaseAnswer;
    static volatile String lockMode;
    static volatile int lockTestAnswer;

    private DriverManagerDataSource database;
    private RunLocks runLocks;

    public static int getAppLock(String resource, String mode, String owner, int timeoutMillis) {
        calls.add("sp_getapplock(" + resource + ", " + mode + ", " + owner + ", " + timeoutMillis + ")");
        return getAppLockAnswer;
    }

    public static int releaseAppLock(String resource, String owner) {
        calls.add("sp_releaseapplock(" + resource + ", " + owner + ")");
        return releaseAnswer;
    }

    public static String appLockMode(String principal, String resource, String owner) {
        calls.add("APPLOCK_MODE(" + principal + ", " + resource + ", " + owner + ")");
        return lockMode;
    }

    public static int appLockTest(String principal, String resource, String mode, String owner) {
        calls.add("APPLOCK_TEST(" + principal + ", " + resource + ", " + mode + ", " + owner + ")");
        return lockTestAnswer;
    }

    @BeforeEach
    void standIns() {
        calls.clear();
        getAppLockAnswer = 0;
        releaseAnswer = 0;
        lockMode = "Exclusive";
        database = new DriverManagerDataSource("jdbc:h2:mem:applock_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        String self = SqlServerRunLockTest.class.getName();
        jdbc.execute("CREATE ALIAS sp_getapplock FOR '" + self + ".getAppLock'");
        jdbc.execute("CREATE ALIAS sp_releaseapplock FOR '" + self + ".releaseAppLock'");
        jdbc.execute("CREATE ALIAS APPLOCK_MODE FOR '" + self + ".appLockMode'");
        jdbc.execute("CREATE ALIAS APPLOCK_TEST FOR '" + self + ".appLockTest'");
        runLocks = new RunLocks(database, SqlServerDialect.INSTANCE);
    }

    @AfterEach
    void drop() {
        new JdbcTemplate(database).execute("SHUTDOWN");
    }

    @ParameterizedTest(name = "sp_getapplock answers {0}")
    @ValueSource(ints = {0, 1})
    void shouldAskForAnExclusiveSessionLockWithoutWaitingAndReleaseItOnClose(int granted) throws Exception {
        // given
        getAppLockAnswer = granted;

        // when
        Optional<RunLock> lock = runLocks.tryAcquire();
        lock.orElseThrow().close();

        // then
        assertThat(calls).containsExactly(
                "sp_getapplock(beer-reco-batch, Exclusive, Session, 0)",
                "sp_releaseapplock(beer-reco-batch, Session)");
    }

    @Test
    void shouldReportTheLockBusyWhenSpGetAppLockTimesOut() throws Exception {
        // given
        getAppLockAnswer = -1;

        // when
        Optional<RunLock> lock = runLocks.tryAcquire();

        // then: busy, nothing to release (ModeRunner turns this into exit 8)
        assertThat(lock).isEmpty();
        assertThat(calls).containsExactly("sp_getapplock(beer-reco-batch, Exclusive, Session, 0)");
    }

    @ParameterizedTest(name = "sp_getapplock answers {0}")
    @ValueSource(ints = {-2, -3, -999})
    void shouldFailWithTheInfrastructureCodeWhenSpGetAppLockAnswersAnError(int error) {
        // given
        getAppLockAnswer = error;

        // when / then: an error, not "busy": the run ends with 5 and is retried
        assertThatThrownBy(runLocks::tryAcquire).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getMessage()).contains("sp_getapplock('beer-reco-batch') failed with " + error);
            assertThat(FailureClassifier.exitCodeOf(e)).isEqualTo(ExitCodes.INFRASTRUCTURE);
        });
        assertThat(calls).containsExactly("sp_getapplock(beer-reco-batch, Exclusive, Session, 0)");
    }

    @Test
    void shouldConfirmTheLockWithApplockModeOfTheLocksOwnSession() throws Exception {
        // given
        RunLock lock = runLocks.tryAcquire().orElseThrow();
        calls.clear();

        // when / then
        assertThatCode(runLocks::verifyHeld).doesNotThrowAnyException();
        assertThat(calls).containsExactly("APPLOCK_MODE(public, beer-reco-batch, Session)");
        lock.close();
    }

    @Test
    void shouldRefuseToPublishWhenTheSessionNoLongerHoldsTheApplicationLock() throws Exception {
        // given: a session that holds nothing, as after a reconnect or a release by someone else
        RunLock lock = runLocks.tryAcquire().orElseThrow();
        lockMode = "NoLock";

        // when / then
        assertThatThrownBy(runLocks::verifyHeld).isInstanceOfSatisfying(RunRefusedException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE));
        lock.close();
    }

    @Test
    void shouldNotFailOnCloseWhenSpReleaseAppLockAnswersAnError() throws Exception {
        // given: the session lost the lock before the end of a run that published
        RunLock lock = runLocks.tryAcquire().orElseThrow();
        releaseAnswer = -999;

        // when / then: what the run did stands; the lock ends with the session, closed now
        assertThatCode(lock::close).doesNotThrowAnyException();
        assertThat(calls).contains("sp_releaseapplock(beer-reco-batch, Session)");
    }

    @Test
    void shouldMarkTheRunsExecutionWithALockOfItsOwnAndAskApplockTestWhetherAnotherProcessStillMarksOne() throws Exception {
        // given
        RunLock lock = runLocks.tryAcquire().orElseThrow();

        // when: this run marks execution 7; another execution's mark is held elsewhere (0), then no longer (1)
        runLocks.claimExecution(7);
        lockTestAnswer = 0;
        boolean aliveWhileHeld = runLocks.executionOwnerAlive(6);
        lockTestAnswer = 1;
        boolean aliveWhenFree = runLocks.executionOwnerAlive(6);
        lock.close();

        // then
        assertThat(aliveWhileHeld).isTrue();
        assertThat(aliveWhenFree).isFalse();
        assertThat(calls).containsExactly(
                "sp_getapplock(beer-reco-batch, Exclusive, Session, 0)",
                "sp_getapplock(beer-reco-batch/execution/7, Exclusive, Session, 0)",
                "APPLOCK_TEST(public, beer-reco-batch/execution/6, Exclusive, Session)",
                "APPLOCK_TEST(public, beer-reco-batch/execution/6, Exclusive, Session)",
                "sp_releaseapplock(beer-reco-batch, Session)");
    }

    /**
     * Rule test (no SQL Server here): mssql-jdbc reconnects a broken idle connection by default
     * ({@code connectRetryCount} 1) and the new session holds none of the old session's application locks
     * (learn.microsoft.com/sql/connect/jdbc/connection-resiliency). The lock's own connection turns that off, whatever
     * the pool's URL says; the other drivers get the pool's URL unchanged.
     */
    @Test
    void shouldOpenTheSqlServerLockConnectionWithoutSilentReconnects() {
        SqlServerDialect sqlServer = SqlServerDialect.INSTANCE;

        assertThat(sqlServer.runLockUrl("jdbc:sqlserver://db:1433;databaseName=InventoryDB;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db:1433;databaseName=InventoryDB;encrypt=true;connectRetryCount=0");
        assertThat(sqlServer.runLockUrl("jdbc:sqlserver://db;ConnectRetryCount=3;databaseName=InventoryDB;"))
                .isEqualTo("jdbc:sqlserver://db;databaseName=InventoryDB;connectRetryCount=0");
        assertThat(H2Dialect.INSTANCE.runLockUrl("jdbc:h2:mem:x;MODE=MSSQLServer")).isEqualTo("jdbc:h2:mem:x;MODE=MSSQLServer");
        assertThat(PostgresDialect.INSTANCE.runLockUrl("jdbc:postgresql://db/x")).isEqualTo("jdbc:postgresql://db/x");
    }
}
