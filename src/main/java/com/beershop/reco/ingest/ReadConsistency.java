package com.beershop.reco.ingest;

import java.sql.Connection;

/**
 * How the readers of a parallel ratings load see one state of the table, so that no row is read twice or
 * missed while the shop keeps writing ratings.
 */
public enum ReadConsistency {
    /**
     * PostgreSQL: a coordinator transaction exports its snapshot ({@code pg_export_snapshot()}) and stays open;
     * each reader imports it ({@code SET TRANSACTION SNAPSHOT}) in a REPEATABLE READ transaction, so every
     * partition sees exactly the same committed state.
     */
    EXPORTED_SNAPSHOT(Connection.TRANSACTION_REPEATABLE_READ),
    /**
     * SQL Server with {@code ALLOW_SNAPSHOT_ISOLATION ON}: each reader reads in a SNAPSHOT transaction (a
     * transactionally consistent state as of its first read). SQL Server cannot share one snapshot between
     * sessions, so partitions that start a few milliseconds apart may differ by what committed in between; each
     * partition holds whole users, so the effect is at most that some users' ratings are that much newer.
     */
    SNAPSHOT_PER_READER(4096), // SQLServerConnection.TRANSACTION_SNAPSHOT
    /**
     * H2: each reader in its own REPEATABLE READ transaction, like {@link #SNAPSHOT_PER_READER}; H2 is the local
     * and test database, which nothing writes to during a run.
     */
    REPEATABLE_READ_PER_READER(Connection.TRANSACTION_REPEATABLE_READ),
    /** One reader, one statement: the database's statement-level consistency. */
    SINGLE_READER(-1);

    private final int isolation;

    ReadConsistency(int isolation) {
        this.isolation = isolation;
    }

    /**
     * Whether the coordinator's connection stays open while the readers read (its transaction keeps the exported
     * snapshot importable); otherwise it is given back before the first reader asks for a connection.
     */
    public boolean holdsCoordinator() {
        return this == EXPORTED_SNAPSHOT;
    }

    /** The JDBC isolation level of each reader's transaction; -1 keeps the connection's default. */
    int isolation() {
        return isolation;
    }
}
