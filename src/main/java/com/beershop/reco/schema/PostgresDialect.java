package com.beershop.reco.schema;

import com.beershop.reco.ingest.IdPolicy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The statements the job sends only to PostgreSQL. */
public final class PostgresDialect implements DatabaseDialect {

    static final PostgresDialect INSTANCE = new PostgresDialect();

    @Override
    public DatabaseVendor vendor() {
        return DatabaseVendor.POSTGRESQL;
    }

    /** SET LOCAL: the setting ends with the transaction, so nothing needs putting back. An integer is milliseconds. */
    @Override
    public String setLockTimeout(Duration timeout) {
        return "SET LOCAL lock_timeout = " + Math.max(1, timeout.toMillis());
    }

    @Override
    public Optional<String> sessionLockTimeout() {
        return Optional.empty();
    }

    /** to_regclass gives NULL for a missing table where has_table_privilege would raise an error. */
    @Override
    public String tablePrivilege() {
        return """
                SELECT CASE WHEN q.rel IS NULL THEN NULL ELSE has_table_privilege(q.rel, q.priv) END
                  FROM (SELECT to_regclass(CAST(? AS text)) AS rel, CAST(? AS text) AS priv) q
                """;
    }

    /** MVCC: readers see the last committed rows and never wait for the publish. */
    @Override
    public Optional<String> readCommittedSnapshot() {
        return Optional.empty();
    }

    /** Deterministic collations (all but nondeterministic ICU ones) compare exactly. */
    @Override
    public Optional<String> columnCollation() {
        return Optional.empty();
    }

    @Override
    public IdPolicy idPolicyFor(String collation) {
        return IdPolicy.EXACT;
    }

    /**
     * PostgreSQL keeps no undo in its WAL: checkpoints recycle WAL while the publish is still open, so one large
     * transaction never needs log space for all its rows at once.
     */
    @Override
    public Optional<String> transactionLogSpace() {
        return Optional.empty();
    }

    /**
     * The WAL insert position in bytes (pg_current_wal_insert_lsn, callable by any login): the difference is the WAL
     * the whole server wrote during the publish, this transaction's and any other session's. PostgreSQL has no
     * version store: a deleted row's old version stays in the table as a dead tuple until VACUUM.
     */
    @Override
    public List<TransactionMeasure> publishMeasures() {
        return List.of(
                new TransactionMeasure("transaction log",
                        "SELECT CAST(pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0') AS BIGINT)", "EXECUTE on"
                        + " pg_current_wal_insert_lsn", "WAL the whole server wrote meanwhile, this transaction's"
                        + " and any other session's"),
                TransactionMeasure.notMeasurable("version store", "none on PostgreSQL: the deleted rows stay in"
                        + " the table as dead tuples until VACUUM"));
    }

    /** SQLSTATE 42501, insufficient_privilege. */
    @Override
    public boolean isPermissionDenied(SQLException e) {
        return "42501".equals(e.getSQLState());
    }
}
