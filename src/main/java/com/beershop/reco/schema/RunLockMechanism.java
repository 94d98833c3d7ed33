package com.beershop.reco.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How one database takes, checks and gives back the run lock on the lock's own connection. Each
 * {@link DatabaseDialect} has one, next to its other statements, so a DBA reads the run lock's SQL with the rest.
 */
public interface RunLockMechanism {

    /** False where the lock needs a table that is not there yet (H2 before migration V4): no run can hold it. */
    default boolean inPlace(Connection connection) throws SQLException {
        return true;
    }

    /** @return true when granted, false when another session holds it; an exception on any other answer */
    boolean tryLock(Connection connection) throws SQLException;

    /** Whether this connection's session still holds the lock it took. */
    boolean isHeld(Connection connection) throws SQLException;

    void unlock(Connection connection) throws SQLException;

    /**
     * Marks job execution {@code executionId} as run by a living process, with a lock that this connection's session
     * holds until it ends. Held on a connection other than the run lock's, so a run whose lock's session alone was
     * ended still shows as alive.
     *
     * @return false where this database keeps no such mark (a run then counts as gone once it lost the run lock)
     */
    default boolean claimExecution(Connection connection, long executionId) throws SQLException {
        return false;
    }

    /** Whether another session holds the mark of job execution {@code executionId}: its process is alive. */
    default boolean executionClaimed(Connection connection, long executionId) throws SQLException {
        return false;
    }
}
