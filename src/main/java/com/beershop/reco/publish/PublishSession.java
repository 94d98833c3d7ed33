package com.beershop.reco.publish;

import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.schema.DatabaseDialect;
import com.beershop.reco.schema.DatabaseVendor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the publish makes sure of before it touches the live table: that the Go service's reads will not wait for
 * it (SQL Server with READ_COMMITTED_SNAPSHOT OFF refuses, unless that is accepted on purpose), and that it waits
 * for a lock on the table no longer than {@code reco.publish.lock-timeout} (a stuck session elsewhere costs a
 * retry, not the night). The statements are the dialect's: {@code SET LOCK_TIMEOUT} on SQL Server and H2,
 * {@code SET LOCAL lock_timeout} on PostgreSQL.
 */
public class PublishSession {

    private static final Logger log = LoggerFactory.getLogger(PublishSession.class);

    private final JdbcTemplate jdbc;
    private final Duration lockTimeout;
    private final boolean allowBlockingReaders;
    private DatabaseDialect dialect;

    public PublishSession(JdbcTemplate jdbc, Duration lockTimeout, boolean allowBlockingReaders) {
        this.jdbc = jdbc;
        this.lockTimeout = lockTimeout;
        this.allowBlockingReaders = allowBlockingReaders;
    }

    DatabaseDialect dialect() {
        if (dialect == null) {
            dialect = DatabaseVendor.of(jdbc.getDataSource()).dialect();
        }
        return dialect;
    }

    /** Before the publish starts: refuses (exit 9) where readers would wait for the whole publish. */
    public void refuseBlockingReaders(String liveTable) {
        Optional<String> query = dialect().readCommittedSnapshot();
        if (query.isEmpty()) {
            return;
        }
        Integer on = jdbc.queryForObject(query.get(), Integer.class);
        String refusal = refusal(on != null && on == 1, allowBlockingReaders, liveTable);
        if (refusal != null) {
            throw RunRefusedException.databaseUnfit(refusal);
        }
        if (on == null || on != 1) {
            log.warn("READ_COMMITTED_SNAPSHOT is OFF: readers of {} wait until the publish commits"
                    + " (accepted by reco.publish.allow-blocking-readers=true)", liveTable);
        }
    }

    /** Why the publish must not start, or null when it may. */
    static String refusal(boolean readCommittedSnapshot, boolean allowBlockingReaders, String liveTable) {
        if (readCommittedSnapshot || allowBlockingReaders) {
            return null;
        }
        return "READ_COMMITTED_SNAPSHOT is OFF: every reader of " + liveTable + " would wait for the whole publish;"
                + " run ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON, or set"
                + " reco.publish.allow-blocking-readers=true to accept it. Nothing was published";
    }

    /**
     * Runs {@code publish} inside the caller's transaction with the lock timeout set, and puts the session's own
     * timeout back afterwards where the setting outlives the transaction (SQL Server, H2).
     */
    public <T> T withLockTimeout(Supplier<T> publish) {
        DatabaseDialect sql = dialect();
        Long previous = sql.sessionLockTimeout().map(query -> jdbc.queryForObject(query, Long.class)).orElse(null);
        jdbc.execute(sql.setLockTimeout(lockTimeout));
        try {
            return publish.get();
        } finally {
            if (previous != null) {
                jdbc.execute(sql.setLockTimeout(Duration.ofMillis(previous)));
            }
        }
    }
}
