package com.beershop.reco.schema;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.RunRefusedException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run lock on H2 (its lock row) and PostgreSQL (an advisory lock): one holder at a time, released on close, and
 * a lock whose session the database ended is seen as lost. SQL Server's application lock runs against a stand-in
 * procedure in {@link SqlServerRunLockTest}.
 */
class RunLockTest {

    private Runnable dropDatabase = () -> { };

    @AfterEach
    void drop() {
        dropDatabase.run();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldLetOneHolderAtATimeAndTheNextOneAfterRelease(String vendor) throws Exception {
        // given
        DataSource dataSource = migratedDatabase(vendor);

        // when
        Optional<RunLock> first = new RunLocks(dataSource).tryAcquire();
        Optional<RunLock> second = new RunLocks(dataSource).tryAcquire();
        first.orElseThrow().close();
        Optional<RunLock> third = new RunLocks(dataSource).tryAcquire();

        // then
        assertThat(first).isPresent();
        assertThat(second).as("while the first holds it").isEmpty();
        assertThat(third).as("after the first released it").isPresent();
        third.get().close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldConfirmTheLockToItsHolderOnlyWhileItHoldsIt(String vendor) throws Exception {
        // given
        DataSource dataSource = migratedDatabase(vendor);
        RunLocks holder = new RunLocks(dataSource);

        // when / then
        assertThatThrownBy(holder::verifyHeld).as("before taking it")
                .isInstanceOfSatisfying(RunRefusedException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE));
        RunLock lock = holder.tryAcquire().orElseThrow();
        assertThatCode(holder::verifyHeld).as("while held").doesNotThrowAnyException();
        assertThat(lock.isHeld()).isTrue();
        lock.close();
        assertThatThrownBy(holder::verifyHeld).as("after release").isInstanceOf(RunRefusedException.class);
    }

    @Test
    void shouldSeeTheLockLostWhenTheDatabaseEndsItsSessionAndStillCloseWithoutFailing() throws Exception {
        // given: a held advisory lock
        DataSource dataSource = migratedDatabase("postgresql");
        RunLocks holder = new RunLocks(dataSource);
        RunLock lock = holder.tryAcquire().orElseThrow();

        // when: the database ends the session that holds it (an idle-session killer, a failover, a DBA)
        Integer terminated = new JdbcTemplate(dataSource).queryForObject("""
                SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_locks
                 WHERE locktype = 'advisory' AND granted AND objsubid = 1
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND (CAST(classid AS bigint) << 32) + CAST(objid AS bigint) = ?) t
                """, Integer.class, RunLock.POSTGRES_KEY);

        // then: lost, with the infrastructure code; closing it does not fail; another run can take it
        assertThat(terminated).isEqualTo(1);
        assertThat(lock.isHeld()).isFalse();
        assertThatThrownBy(holder::verifyHeld).isInstanceOfSatisfying(RunRefusedException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
            assertThat(e.getMessage()).contains("was lost", "nothing was published");
        });
        assertThatCode(lock::close).doesNotThrowAnyException();
        Optional<RunLock> next = new RunLocks(dataSource).tryAcquire();
        assertThat(next).isPresent();
        next.get().close();
    }

    @Test
    void shouldShowARunsExecutionAsAliveWhileItsProcessMarksItEvenAfterItsLockSessionEnded() throws Exception {
        // given: a run that holds the lock and marks its execution 42, then loses the lock's session alone
        DataSource dataSource = migratedDatabase("postgresql");
        RunLocks first = new RunLocks(dataSource);
        RunLock firstLock = first.tryAcquire().orElseThrow();
        first.claimExecution(42);
        new JdbcTemplate(dataSource).queryForList("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype ="
                + " 'advisory' AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname ="
                + " current_database())");

        // when: a second run takes the freed lock
        RunLocks second = new RunLocks(dataSource);
        RunLock secondLock = second.tryAcquire().orElseThrow();

        // then: execution 42's process is alive (not to be recovered) until the first run ends; 43 never was
        assertThat(second.executionOwnerAlive(42)).as("while the first process runs").isTrue();
        assertThat(second.executionOwnerAlive(43)).isFalse();
        firstLock.close();
        // a closed connection's backend exits, and frees its locks, a moment after the client returns: wait for it
        long guard = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (second.executionOwnerAlive(42) && System.nanoTime() < guard) {
            Thread.sleep(10);
        }
        assertThat(second.executionOwnerAlive(42)).as("after the first process ended").isFalse();
        secondLock.close();
    }

    private DataSource migratedDatabase(String vendor) {
        String name = "runlock_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DataSource dataSource;
        if (vendor.equals("h2")) {
            DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1", "sa", "");
            dropDatabase = () -> new JdbcTemplate(h2).execute("SHUTDOWN");
            dataSource = h2;
        } else {
            JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(
                    "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""));
            admin.execute("CREATE DATABASE " + name);
            dropDatabase = () -> admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            dataSource = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
        }
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/" + (vendor.equals("h2") ? "sqlserver" : "postgresql"))
                .load().migrate();
        return dataSource;
    }
}
