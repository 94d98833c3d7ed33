package com.beershop.reco.job;

import com.beershop.reco.ingest.ReadConsistency;
import com.beershop.reco.schema.DatabaseVendor;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * How many connections read the ratings at once, and how they agree on one state of the table, for this
 * database: {@code reco.input.readers} (0 = one per core), capped so the connection pool keeps two connections
 * for the step's own transaction and the snapshot coordinator, and one reader where the database cannot give the
 * readers a consistent view (SQL Server without {@code ALLOW_SNAPSHOT_ISOLATION ON}).
 */
class RatingsReaders {

    private static final Logger log = LoggerFactory.getLogger(RatingsReaders.class);

    private final DataSource dataSource;
    private final int configured;

    RatingsReaders(DataSource dataSource, int configured) {
        this.dataSource = dataSource;
        this.configured = configured;
    }

    int readers() {
        int wanted = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        int pool = poolSize();
        if (wanted > 1 && wanted > pool - 2) {
            log.info("reco.input.readers: {} wanted, {} used: the connection pool has {} connections and the load"
                    + " needs two more (raise spring.datasource.hikari.maximum-pool-size for more readers)",
                    wanted, Math.max(1, pool - 2), pool);
            return Math.max(1, pool - 2);
        }
        return wanted;
    }

    ReadConsistency consistency() {
        return switch (DatabaseVendor.of(dataSource)) {
            case POSTGRESQL -> ReadConsistency.EXPORTED_SNAPSHOT;
            case H2 -> ReadConsistency.REPEATABLE_READ_PER_READER;
            case SQLSERVER -> snapshotIsolationAllowed() ? ReadConsistency.SNAPSHOT_PER_READER : singleReader();
        };
    }

    private boolean snapshotIsolationAllowed() {
        Integer state = new JdbcTemplate(dataSource).queryForObject(
                "SELECT snapshot_isolation_state FROM sys.databases WHERE name = DB_NAME()", Integer.class);
        return state != null && state == 1;
    }

    private ReadConsistency singleReader() {
        log.info("Reading ratings with one connection: ALLOW_SNAPSHOT_ISOLATION is OFF, so parallel readers could"
                + " see different states of the table (ALTER DATABASE ... SET ALLOW_SNAPSHOT_ISOLATION ON allows"
                + " reco.input.readers)");
        return ReadConsistency.SINGLE_READER;
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
