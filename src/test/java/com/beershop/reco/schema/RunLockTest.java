package com.beershop.reco.schema;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run lock on each database: one holder at a time, released on close. SQL Server's {@code sp_getapplock} cannot
 * run on H2, so for SQL Server only the vendor dispatch and the statements are pinned here; the mechanism itself is
 * the documented one (exclusive, session owner, no wait).
 */
class RunLockTest {

    private static final Duration WAIT = Duration.ofMillis(200);

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
        Optional<RunLock> first = RunLock.tryAcquire(dataSource, WAIT);
        Optional<RunLock> second = RunLock.tryAcquire(dataSource, WAIT);
        first.orElseThrow().close();
        Optional<RunLock> third = RunLock.tryAcquire(dataSource, WAIT);

        // then
        assertThat(first).isPresent();
        assertThat(second).as("while the first holds it").isEmpty();
        assertThat(third).as("after the first released it").isPresent();
        third.get().close();
    }

    @Test
    void shouldTakeAnExclusiveSessionApplicationLockWithoutWaitingOnSqlServer() {
        // when
        RunLock.VendorLock lock = RunLock.forVendor(DatabaseVendor.SQLSERVER, WAIT);

        // then: parameters in sp_getapplock's order, bound as (NAME, "Exclusive", "Session", 0)
        assertThat(lock).isInstanceOf(RunLock.SqlServerAppLock.class);
        assertThat(RunLock.SqlServerAppLock.LOCK).isEqualTo("{? = call sp_getapplock(?, ?, ?, ?)}");
        assertThat(RunLock.SqlServerAppLock.UNLOCK).isEqualTo("{? = call sp_releaseapplock(?, ?)}");
    }

    @Test
    void shouldUseAnAdvisoryLockOnPostgresAndTheLockRowOnH2() {
        assertThat(RunLock.forVendor(DatabaseVendor.POSTGRESQL, WAIT)).isInstanceOf(RunLock.PostgresAdvisoryLock.class);
        assertThat(RunLock.forVendor(DatabaseVendor.H2, WAIT)).isInstanceOf(RunLock.H2RowLock.class);
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
