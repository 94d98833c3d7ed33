package com.beershop.reco.job;

import com.beershop.reco.ingest.IdPolicy;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.RatingsQuery;
import com.beershop.reco.ingest.ReadConsistency;
import com.beershop.reco.ingest.ReadPlan;
import com.beershop.reco.schema.DatabaseDialect;
import com.beershop.reco.schema.DatabaseVendor;
import com.beershop.reco.schema.RunLocks;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Optional;

/**
 * How the ratings are read on this database: how its ids compare (the collector interns them so), and the
 * {@link ReadPlan}: how many connections at once ({@code reco.input.readers}, 0 = one per core), capped so the
 * connection pool can give every reader a connection at once beside what the run already holds; how the readers
 * agree on one state of the table (one reader where the database cannot give them a consistent view: SQL Server
 * without {@code ALLOW_SNAPSHOT_ISOLATION ON}); and the dialect's statements for it: the table sample of the range
 * boundaries (only on a local base table) and the user id bound in the column's own type. Here rather than in
 * {@code ingest}, which speaks no vendor's SQL: the dialects know the ingest types, so ingest cannot know them.
 */
class RatingsReaders {

    private static final Logger log = LoggerFactory.getLogger(RatingsReaders.class);
    /** The step's transaction: Spring Batch holds it around the tasklet, so through the whole load. */
    static final int STEP_TRANSACTION = 1;

    private final DataSource dataSource;
    private final RatingsQuery query;
    private final int configured;
    private final Optional<IdPolicy> configuredIdPolicy;
    private final RunLocks runLocks;

    /**
     * @param configured {@code reco.input.readers}
     * @param configuredIdPolicy {@code reco.input.id-policy}; empty: as the database compares the user column
     */
    RatingsReaders(DataSource dataSource, RatingsQuery query, int configured, Optional<IdPolicy> configuredIdPolicy,
                   RunLocks runLocks) {
        this.dataSource = dataSource;
        this.query = query;
        this.configured = configured;
        this.configuredIdPolicy = configuredIdPolicy;
        this.runLocks = runLocks;
    }

    /** An empty collector for one run, interning ids as configured, or else as the database compares them. */
    RatingsCollector newCollector() {
        IdPolicy policy = configuredIdPolicy.orElseGet(() -> DatabaseVendor.of(dataSource).dialect()
                .idPolicyOf(new JdbcTemplate(dataSource), query.table(), query.userColumn()));
        log.info("Ids compared {}{}", policy,
                configuredIdPolicy.isPresent() ? " (reco.input.id-policy)" : " (as the database does)");
        return new RatingsCollector(policy);
    }

    ReadPlan plan() throws SQLException {
        DatabaseDialect dialect = DatabaseVendor.of(dataSource).dialect();
        ReadConsistency consistency = consistency(dialect);
        int readers = consistency == ReadConsistency.SINGLE_READER ? 1 : readers(consistency);
        if (readers <= 1) {
            return ReadPlan.singleReader();
        }
        return new ReadPlan(readers, consistency, boundarySample(dialect), idParameter(dialect),
                dialect.exportSnapshot(), dialect::importSnapshot);
    }

    /**
     * The configured readers, at most what the pool can give at once beside the pool connections the run holds
     * through the load: the step's transaction, the snapshot coordinator where it stays open, and the run lock's
     * only where it could not open its own connections beside the pool ({@link RunLocks#poolConnectionsHeld()}).
     */
    int readers(ReadConsistency consistency) throws SQLException {
        int wanted = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        int pool = poolSize();
        int lock = runLocks.poolConnectionsHeld();
        int held = STEP_TRANSACTION + lock + (consistency.holdsCoordinator() ? 1 : 0);
        int available = Math.max(1, pool - held);
        if (wanted > 1 && wanted > available) {
            log.info("reco.input.readers: {} wanted, {} used: the connection pool has {} connections and the run holds"
                    + " {} of them through the load (step transaction{}{}); raise"
                    + " spring.datasource.hikari.maximum-pool-size for more readers", wanted, available, pool, held,
                    consistency.holdsCoordinator() ? ", snapshot coordinator" : "",
                    lock > 0 ? ", run lock and execution claim" : "");
            return available;
        }
        return wanted;
    }

    private ReadConsistency consistency(DatabaseDialect dialect) {
        return switch (dialect.vendor()) {
            case POSTGRESQL -> ReadConsistency.EXPORTED_SNAPSHOT;
            case H2 -> ReadConsistency.REPEATABLE_READ_PER_READER;
            case SQLSERVER -> snapshotIsolationAllowed(dialect) ? ReadConsistency.SNAPSHOT_PER_READER : singleReader();
        };
    }

    private boolean snapshotIsolationAllowed(DatabaseDialect dialect) {
        Integer state = dialect.snapshotIsolationState()
                .map(sql -> new JdbcTemplate(dataSource).queryForObject(sql, Integer.class)).orElse(null);
        return state != null && state == 1;
    }

    private ReadConsistency singleReader() {
        log.info("Reading ratings with one connection: ALLOW_SNAPSHOT_ISOLATION is OFF, so parallel readers could"
                + " see different states of the table (ALTER DATABASE ... SET ALLOW_SNAPSHOT_ISOLATION ON allows"
                + " reco.input.readers)");
        return ReadConsistency.SINGLE_READER;
    }

    /** The dialect's table sample where the source is a local base table; the exact tiles otherwise. */
    private String boundarySample(DatabaseDialect dialect) {
        String sample = dialect.tableSample();
        if (sample.isEmpty()) {
            return "";
        }
        Integer base = dialect.isLocalBaseTable().map(sql -> new JdbcTemplate(dataSource)
                .query(sql, rs -> rs.next() ? rs.getInt(1) : 0, query.table())).orElse(0);
        if (base == null || base != 1) {
            log.info("Range boundaries from every distinct user id: {} is not a local base table, so it cannot be"
                    + " sampled", query.table());
            return "";
        }
        return sample;
    }

    private String idParameter(DatabaseDialect dialect) {
        return new JdbcTemplate(dataSource).query(query.userColumnMetadata(), rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            return dialect.idParameter(meta.getColumnTypeName(1), meta.getPrecision(1));
        });
    }

    private int poolSize() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
            }
        } catch (SQLException e) {
            log.debug("cannot read the pool size", e);
        }
        return dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : Integer.MAX_VALUE;
    }
}
