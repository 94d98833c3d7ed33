package com.beershop.reco.schema;

import com.beershop.reco.ingest.IdPolicy;

import java.util.Optional;

/**
 * H2 in {@code MODE=MSSQLServer}, the stand-in for SQL Server in tests and local runs: SQL Server's statements
 * wherever H2 runs them, H2's own where it cannot. H2 has no {@code sys.*} views, no {@code HAS_PERMS_BY_NAME},
 * no {@code @@LOCK_TIMEOUT}; it is multi-version (readers never wait for the publish), compares strings exactly and
 * has no transaction log that a publish could fill.
 */
public final class H2Dialect extends SqlServerDialect {

    static final H2Dialect INSTANCE = new H2Dialect();

    @Override
    public DatabaseVendor vendor() {
        return DatabaseVendor.H2;
    }

    @Override
    public Optional<String> sessionLockTimeout() {
        return Optional.of("SELECT LOCK_TIMEOUT()");
    }

    /**
     * An admin may do anything; anyone else needs a grant to them or to PUBLIC (grants through roles are not
     * followed: H2 users are a test and local affair).
     */
    @Override
    public String tablePrivilege() {
        return """
                SELECT CASE
                         WHEN NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLES t
                                          WHERE UPPER(t.TABLE_NAME) = UPPER(q.tbl)
                                             OR UPPER(t.TABLE_SCHEMA || '.' || t.TABLE_NAME) = UPPER(q.tbl)) THEN NULL
                         WHEN (SELECT u.IS_ADMIN FROM INFORMATION_SCHEMA.USERS u WHERE u.USER_NAME = CURRENT_USER) THEN TRUE
                         ELSE EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_PRIVILEGES p
                                      WHERE (UPPER(p.TABLE_NAME) = UPPER(q.tbl)
                                             OR UPPER(p.TABLE_SCHEMA || '.' || p.TABLE_NAME) = UPPER(q.tbl))
                                        AND p.PRIVILEGE_TYPE = UPPER(q.priv)
                                        AND p.GRANTEE IN (CURRENT_USER, 'PUBLIC'))
                       END
                  FROM (SELECT CAST(? AS VARCHAR) AS tbl, CAST(? AS VARCHAR) AS priv) q
                """;
    }

    @Override
    public Optional<String> readCommittedSnapshot() {
        return Optional.empty();
    }

    @Override
    public Optional<String> columnCollation() {
        return Optional.empty();
    }

    @Override
    public IdPolicy idPolicyFor(String collation) {
        return IdPolicy.EXACT;
    }

    @Override
    public Optional<String> transactionLogSpace() {
        return Optional.empty();
    }

    @Override
    public Optional<String> snapshotIsolationState() {
        return Optional.empty();
    }

    /** H2 has no TABLESAMPLE: its range boundaries are always the exact tiles. */
    @Override
    public String tableSample() {
        return "";
    }

    @Override
    public Optional<String> isLocalBaseTable() {
        return Optional.empty();
    }

    @Override
    public Optional<String> tempdbSpace() {
        return Optional.empty();
    }

    @Override
    public Optional<String> tempdbUsed() {
        return Optional.empty();
    }

    @Override
    public Optional<String> stateViewPermission() {
        return Optional.empty();
    }

    /** H2 keeps no privileges on sequences: one that exists may be used by anyone who may use the schema. */
    @Override
    public String sequencePrivilege() {
        return """
                SELECT CASE WHEN EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.SEQUENCES s
                                          WHERE UPPER(s.SEQUENCE_NAME) = UPPER(CAST(? AS VARCHAR))) THEN TRUE END
                """;
    }
}
