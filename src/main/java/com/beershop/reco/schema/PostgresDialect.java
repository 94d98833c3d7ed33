package com.beershop.reco.schema;

import com.beershop.reco.ingest.IdPolicy;

import java.time.Duration;
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

    @Override
    public Optional<String> snapshotIsolationState() {
        return Optional.empty();
    }

    /** The coordinator's transaction exports its snapshot; it stays importable while that transaction is open. */
    @Override
    public Optional<String> exportSnapshot() {
        return Optional.of("SELECT pg_export_snapshot()");
    }

    /** Must be the first statement of a REPEATABLE READ transaction; the id comes from the server, never a user. */
    @Override
    public String importSnapshot(String snapshotId) {
        return "SET TRANSACTION SNAPSHOT '" + snapshotId.replace("'", "''") + "'";
    }

    @Override
    public String tableSample() {
        return " TABLESAMPLE SYSTEM (1) REPEATABLE (42)";
    }

    /** TABLESAMPLE reads tables, partitioned tables and materialized views; not views or foreign tables. */
    @Override
    public Optional<String> isLocalBaseTable() {
        return Optional.of("""
                SELECT CASE WHEN c.relkind IN ('r', 'p', 'm') THEN 1 ELSE 0 END
                  FROM pg_class c WHERE c.oid = to_regclass(CAST(? AS text))
                """);
    }

    /** pgjdbc sends a String as varchar, the type of the id columns. */
    @Override
    public String idParameter(String columnType, int length) {
        return "?";
    }

    /** nextval needs USAGE or UPDATE on the sequence; to_regclass gives NULL for a missing one. */
    @Override
    public String sequencePrivilege() {
        return """
                SELECT CASE WHEN q.rel IS NULL THEN NULL
                            ELSE has_sequence_privilege(q.rel, 'USAGE') OR has_sequence_privilege(q.rel, 'UPDATE') END
                  FROM (SELECT to_regclass(CAST(? AS text)) AS rel) q
                """;
    }

    @Override
    public String sequencePrivilegeName() {
        return "USAGE";
    }
}
