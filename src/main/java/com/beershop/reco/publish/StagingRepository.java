package com.beershop.reco.publish;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The job's staging table. Each run writes under its own run id, so rows left by a killed run never mix with the
 * next run's; they are cleared when the next run starts staging. The rows of the last published runs stay: they
 * are the generations the {@code republish} mode can put back.
 *
 * <p>Rows go in through the driver's fastest path: {@code COPY ... FROM STDIN} on PostgreSQL (pgjdbc's
 * {@code CopyManager}, several times faster than batched inserts), a bulk copy on SQL Server
 * ({@link SqlServerStagingBulkCopy}), a JDBC batch on H2. Either way the rows are written on the caller's
 * transaction's connection, so a batch commits or rolls back with it.
 */
public class StagingRepository {

    private static final String INSERT = """
            INSERT INTO reco_staging (run_id, user_id, product_id, item_rank, arm) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String COPY = "COPY reco_staging (run_id, user_id, product_id, item_rank, arm) FROM STDIN";
    /** Bytes of COPY text sent to the server at a time. */
    private static final int COPY_BUFFER = 60 * 1024;

    /**
     * The run id generation 0 is staged under: the live rows from before the model (see {@code rollout.GenerationZero}).
     * Not 0: Spring Batch's first execution id is 0 on some databases (H2's sequences start there).
     */
    public static final long GENERATION_ZERO = -1;

    private final JdbcTemplate jdbc;
    private final Duration timeout;

    /** @param timeout how long one chunk's bulk copy may take (the job's query timeout) */
    public StagingRepository(JdbcTemplate jdbc, Duration timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    public int clearRun(long runId) {
        return jdbc.update("DELETE FROM reco_staging WHERE run_id = ?", runId);
    }

    /**
     * Removes the rows of every run but {@code keep}: runs that died before publishing and generations older than
     * the ones kept. Generation 0 (the rows from before the model, run id {@link #GENERATION_ZERO}) is never removed.
     *
     * <p>The runs present are found first, one index probe each ({@link #stagedRuns}), and only theirs deleted by run
     * id: a single {@code DELETE ... WHERE run_id NOT IN (...)} read every kept row, and it ran twice a night. Before
     * the staging it deleted nothing in 0.47-0.71 s over three generations of 2,000,000 rows (docs/performance.md).
     */
    public int clearRunsExcept(Collection<Long> keep) {
        int removed = 0;
        for (long run : stagedRuns()) {
            if (run != GENERATION_ZERO && !keep.contains(run)) {
                removed += clearRun(run);
            }
        }
        return removed;
    }

    /**
     * The run ids that have staged rows, in order: a loose index scan written as one {@code MIN} per run, which
     * PostgreSQL, SQL Server and H2 each answer from the run id's index (a table holds a few runs: the kept
     * generations, generation 0 and any run that died).
     */
    public List<Long> stagedRuns() {
        List<Long> runs = new ArrayList<>();
        Long run = jdbc.queryForObject("SELECT MIN(run_id) FROM reco_staging", Long.class);
        while (run != null) {
            runs.add(run);
            run = jdbc.queryForObject("SELECT MIN(run_id) FROM reco_staging WHERE run_id > ?", Long.class, run);
        }
        return runs;
    }

    /** How many distinct users a run's staged rows serve. */
    public long countUsers(long runId) {
        // grouped, as the live table's count is (RecommendationPublisher.liveTable): PostgreSQL sorts for a
        // COUNT(DISTINCT) and hashes a GROUP BY
        Long users = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT user_id FROM reco_staging WHERE run_id = ?"
                + " GROUP BY user_id) g", Long.class, runId);
        return users == null ? 0 : users;
    }

    /** How many rows a run has staged (an index range of the primary key). */
    public long countRun(long runId) {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM reco_staging WHERE run_id = ?", Long.class, runId);
        return rows == null ? 0 : rows;
    }

    public void insert(long runId, List<StagedRow> rows) {
        insert(runId, rows, null);
    }

    /** @param arm the rollout arm the rows belong to ({@code model}, {@code control}); null reads as model */
    public void insert(long runId, List<StagedRow> rows, String arm) {
        Boolean copied = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection, runId, rows, arm);
                return true;
            }
            if (SqlServerStagingBulkCopy.applies(connection)) {
                SqlServerStagingBulkCopy.copy(connection, runId, rows, arm, timeout);
                return true;
            }
            return false;
        });
        if (!Boolean.TRUE.equals(copied)) {
            batchInsert(runId, rows, arm);
        }
    }

    private static void copy(Connection connection, long runId, List<StagedRow> rows, String arm) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            CopyTextBuffer text = new CopyTextBuffer(COPY_BUFFER + 1024);
            byte[] run = new CopyTextBuffer(32).number(runId).mark('\t').copyOfText();
            byte[] armText = arm == null ? "\\N".getBytes(StandardCharsets.US_ASCII)
                    : new CopyTextBuffer(16).text(arm).copyOfText();
            for (StagedRow row : rows) {
                text.raw(run).text(row.userId()).mark('\t').text(row.productId()).mark('\t').number(row.rank())
                        .mark('\t').raw(armText).mark('\n');
                if (text.length() >= COPY_BUFFER) {
                    write(copy, text);
                }
            }
            write(copy, text);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, CopyTextBuffer text) throws SQLException {
        copy.writeToCopy(text.bytes(), 0, text.length());
        text.clear();
    }

    private void batchInsert(long runId, List<StagedRow> rows, String arm) {
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                StagedRow row = rows.get(i);
                ps.setLong(1, runId);
                ps.setString(2, row.userId());
                ps.setString(3, row.productId());
                ps.setInt(4, row.rank());
                ps.setString(5, arm);
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** One recommendation as staged: rank 1 is the best. */
    public record StagedRow(String userId, String productId, int rank) {
    }
}
