package com.beershop.reco.schema;

import com.beershop.reco.outcome.RunRefusedException;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Takes the {@link RunLock} for this process and answers whether it still holds it. The lock lives on a connection
 * of its own, opened beside the pool with the pool's URL and credentials (as the dialect adapts the URL: on SQL
 * Server without silent reconnects), so it takes no connection from the pool and is never handed to other work.
 */
public final class RunLocks {

    /** How long one attempt waits for H2's lock row (the other databases answer at once). */
    static final Duration H2_WAIT = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(RunLocks.class);

    private final DataSource dataSource;
    private DatabaseDialect dialect;
    private volatile RunLock held;

    public RunLocks(DataSource dataSource) {
        this(dataSource, null);
    }

    /** {@code dialect} null: the database's own. */
    RunLocks(DataSource dataSource, DatabaseDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** @return the lock, now held by this process, or empty when another run holds it */
    public Optional<RunLock> tryAcquire() throws SQLException {
        Connection connection = openLockConnection();
        Optional<RunLock> lock = RunLock.tryAcquire(connection, dialect().runLock(H2_WAIT), () -> held = null);
        lock.ifPresent(l -> held = l);
        return lock;
    }

    /**
     * The run lock for a run or a republish, at once: never beside a run, nor another republish.
     *
     * @throws RunRefusedException exit 8 when another run holds it; the caller has changed nothing
     */
    public RunLock acquireForRun() throws SQLException {
        return tryAcquire().orElseThrow(() -> RunRefusedException.anotherRunActive(
                "another run holds the run lock '" + RunLock.NAME + "': this run changed nothing and ends"));
    }

    /**
     * For {@code migrate}: waits up to {@code wait} for the lock, asking again every second.
     *
     * @return the lock; null where the database has no lock yet (H2 before migration V4: no run can be running)
     * @throws RunRefusedException exit 8 when a run still holds it after {@code wait}
     */
    public RunLock acquireForMigration(Duration wait) throws SQLException, InterruptedException {
        try (Connection connection = openLockConnection()) {
            if (!dialect().runLock(H2_WAIT).inPlace(connection)) {
                log.info("No run lock in this database yet (its schema predates it): migrating without it");
                return null;
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            Optional<RunLock> lock = tryAcquire();
            if (lock.isPresent()) {
                return lock.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw RunRefusedException.anotherRunActive("a run holds the run lock '" + RunLock.NAME
                        + "': migrate waited " + wait + " (reco.schema.migrate-lock-wait) and changed nothing");
            }
            if (!told) {
                log.info("A run holds the run lock: migrate waits for it, at most {}", wait);
                told = true;
            }
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, left / 1_000_000)));
        }
    }

    /**
     * Refuses, with nothing changed, unless this process still holds the run lock. The publish calls it inside its
     * transaction, so a run whose lock's session died (and whose place another run may have taken) rolls back.
     */
    public void verifyHeld() {
        RunLock lock = held;
        if (lock == null) {
            throw RunRefusedException.runLockLost("this process does not hold the run lock '" + RunLock.NAME
                    + "': nothing was published");
        }
        if (!lock.isHeld()) {
            throw RunRefusedException.runLockLost("the run lock '" + RunLock.NAME + "' was lost (its database"
                    + " session ended) and another run may hold it now: nothing was published, the live table is"
                    + " unchanged");
        }
    }

    /**
     * Marks job execution {@code executionId} as this living process's, on one more connection of its own, until
     * the lock is released: a run that later holds the lock recovers the execution only once that mark is gone.
     * Best effort: without the mark, the execution counts as gone once its run lost the lock.
     */
    public void claimExecution(long executionId) {
        RunLock lock = held;
        if (lock == null) {
            return;
        }
        try {
            Connection connection = openLockConnection();
            if (dialect().runLock(H2_WAIT).claimExecution(connection, executionId)) {
                lock.keepClaim(connection);
            } else {
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not mark job execution {} as this process's: {}", executionId, e.toString());
        }
    }

    /**
     * For the holder of the lock: whether the process that started job execution {@code executionId} still lives
     * (it still marks it). False where the database keeps no marks (H2), or when this process holds no lock.
     */
    public boolean executionOwnerAlive(long executionId) throws SQLException {
        RunLock lock = held;
        return lock != null && lock.claimedElsewhere(executionId);
    }

    /**
     * Connections of the pool that a run's lock keeps while the run lasts: none where the lock opens its own beside
     * the pool; else the lock's and the execution claim's, so that whoever sizes work by the pool counts them.
     */
    public int poolConnectionsHeld() throws SQLException {
        return besideThePool() == null ? 2 : 0;
    }

    /** A connection of the lock's own: outside the pool where the pool says how to open one, else from it. */
    Connection openLockConnection() throws SQLException {
        HikariDataSource pool = besideThePool();
        if (pool == null) {
            return dataSource.getConnection();
        }
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        return DriverManager.getConnection(dialect().runLockUrl(pool.getJdbcUrl()), properties);
    }

    /** The pool whose URL and credentials open the lock's connections beside it, or null when it does not say. */
    private HikariDataSource besideThePool() throws SQLException {
        HikariDataSource pool = dataSource.isWrapperFor(HikariDataSource.class)
                ? dataSource.unwrap(HikariDataSource.class) : null;
        return pool == null || pool.getJdbcUrl() == null ? null : pool;
    }

    private DatabaseDialect dialect() throws SQLException {
        if (dialect == null) {
            try (Connection connection = dataSource.getConnection()) {
                dialect = DatabaseVendor.fromProductName(connection.getMetaData().getDatabaseProductName()).dialect();
            }
        }
        return dialect;
    }
}
