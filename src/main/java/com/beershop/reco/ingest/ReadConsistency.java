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
    EXPORTED_SNAPSHOT(Connection.TRANSACTION_REPEATABLE_READ, " TABLESAMPLE SYSTEM (1) REPEATABLE (42)"),
    /**
     * SQL Server with {@code ALLOW_SNAPSHOT_ISOLATION ON}: each reader reads in a SNAPSHOT transaction (a
     * transactionally consistent state as of its first read). SQL Server cannot share one snapshot between
     * sessions, so partitions that start a few milliseconds apart may differ by what committed in between; each
     * partition holds whole users, so the effect is at most that some users' ratings are that much newer.
     */
    SNAPSHOT_PER_READER(4096, " TABLESAMPLE (1 PERCENT) REPEATABLE (42)"), // SQLServerConnection.TRANSACTION_SNAPSHOT, without linking the driver
    /**
     * H2: each reader in its own REPEATABLE READ transaction, like {@link #SNAPSHOT_PER_READER}; H2 is the local
     * and test database, which nothing writes to during a run.
     */
    REPEATABLE_READ_PER_READER(Connection.TRANSACTION_REPEATABLE_READ, ""),
    /** One reader, one statement: the database's statement-level consistency. */
    SINGLE_READER(-1, "");

    private final int isolation;
    private final String boundarySample;

    ReadConsistency(int isolation, String boundarySample) {
        this.isolation = isolation;
        this.boundarySample = boundarySample;
    }

    /**
     * The database's TABLESAMPLE clause (about 1 % of the table's pages), so the range boundaries come from a sample
     * instead of sorting every distinct user id: that exact query took over 8 minutes at 50 M ratings on a busy
     * 2-core machine. Empty where the database has none (H2, small local data).
     */
    String boundarySample() {
        return boundarySample;
    }

    /** The JDBC isolation level of each reader's transaction; -1 keeps the connection's default. */
    int isolation() {
        return isolation;
    }
}
