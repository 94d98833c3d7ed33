package com.beershop.reco.schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One run at a time: a database lock held by a connection of its own for the whole run, so two runs can never
 * stage or publish over each other, whichever pods or machines they run on. A process that dies loses its session
 * and the database drops the lock with it, so a killed run never blocks the next one. A session can also die under
 * a living run (an idle-session killer, a failover): {@link #isHeld()} asks the database, and the publish asks it
 * inside its transaction. How each database holds the lock is its dialect's {@link RunLockMechanism}: an
 * application lock on SQL Server, an advisory lock on PostgreSQL, the row of {@code reco_run_lock} on H2.
 */
public final class RunLock implements AutoCloseable {

    /** The lock's name: SQL Server's application-lock resource and the key of H2's lock row. */
    public static final String NAME = "beer-reco-batch";
    /** PostgreSQL's advisory-lock key: "beer-rec" in ASCII, so {@code pg_locks} shows the same number every time. */
    public static final long POSTGRES_KEY = 0x626565722d726563L;

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    private final Connection connection;
    private final RunLockMechanism mechanism;
    private final Runnable onClose;
    private Connection claim;

    private RunLock(Connection connection, RunLockMechanism mechanism, Runnable onClose) {
        this.connection = connection;
        this.mechanism = mechanism;
        this.onClose = onClose;
    }

    /**
     * Takes the lock on {@code connection}, which becomes the lock's; closes it when another session holds the lock.
     *
     * @return the held lock, or empty when another session holds it
     */
    static Optional<RunLock> tryAcquire(Connection connection, RunLockMechanism mechanism, Runnable onClose)
            throws SQLException {
        try {
            if (mechanism.tryLock(connection)) {
                return Optional.of(new RunLock(connection, mechanism, onClose));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    /** Whether the lock's session still holds it; false when the session is gone (the statement then fails). */
    public boolean isHeld() {
        try {
            return mechanism.isHeld(connection);
        } catch (SQLException | RuntimeException e) {
            log.warn("The run lock's session does not answer: {}", e.toString());
            return false;
        }
    }

    /** Keeps the connection whose session marks this run's job execution as alive, until {@link #close()}. */
    void keepClaim(Connection claimConnection) {
        this.claim = claimConnection;
    }

    /** Whether another session marks job execution {@code executionId} as run by a living process. */
    boolean claimedElsewhere(long executionId) throws SQLException {
        return mechanism.executionClaimed(connection, executionId);
    }

    /**
     * Releases the lock and closes its connection. Never fails: a lock whose release fails (its session already
     * gone) is released by the database with the session, and what the run did stands.
     */
    @Override
    public void close() {
        try {
            mechanism.unlock(connection);
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not release the run lock '{}' ({}); it ends with its session, closed now", NAME, e.toString());
        } finally {
            closeQuietly(claim);
            closeQuietly(connection);
            onClose.run();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing a connection of the run lock failed", e);
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
