package com.beershop.reco.publish;

import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.microsoft.sqlserver.jdbc.ISQLServerBulkData;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import com.microsoft.sqlserver.jdbc.SQLServerConnection;
import com.microsoft.sqlserver.jdbc.SQLServerException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The staging rows' bulk copy on SQL Server (what COPY is on PostgreSQL): mssql-jdbc's {@link SQLServerBulkCopy}
 * on the caller's connection, so the rows commit or roll back with the chunk's transaction. Only this insert is a
 * bulk copy: the URL never sets {@code useBulkCopyForBatchInsert}, which would turn every batched insert on every
 * connection (Spring Batch's own, the model selection's) into one.
 *
 * <p>The driver's defaults skip CHECK and FOREIGN KEY constraints and triggers, which SQL Server allows only with
 * ALTER on the table and which leaves foreign keys untrusted ("ALTER TABLE permission is required if ... constraints
 * exist and the CHECK_CONSTRAINTS option is not specified, triggers exist and the FIRE_TRIGGERS option is not
 * specified": learn.microsoft.com/sql/t-sql/statements/bulk-insert-transact-sql, Permissions; the options:
 * learn.microsoft.com/sql/connect/jdbc/using-bulk-copy-with-the-jdbc-driver, SQLServerBulkCopyOptions). Both are
 * turned on, so INSERT on {@code reco_staging} is all it needs, whatever a DBA later adds to the table; and the
 * driver's own 60-second timeout becomes the job's query timeout.
 */
final class SqlServerStagingBulkCopy {

    static final String TABLE = "reco_staging";
    static final List<String> COLUMNS = List.of("run_id", "user_id", "product_id", "item_rank", "arm");

    private SqlServerStagingBulkCopy() {
    }

    static boolean applies(Connection connection) throws SQLException {
        return connection.isWrapperFor(SQLServerConnection.class);
    }

    /** @param arm the rollout arm of the rows ({@code model}, {@code control}); null reads as model */
    static void copy(Connection connection, long runId, List<StagedRow> rows, String arm, Duration timeout)
            throws SQLException {
        try (SQLServerBulkCopy bulkCopy = new SQLServerBulkCopy(connection.unwrap(SQLServerConnection.class))) {
            bulkCopy.setDestinationTableName(TABLE);
            bulkCopy.setBulkCopyOptions(options(timeout));
            for (int i = 0; i < COLUMNS.size(); i++) {
                bulkCopy.addColumnMapping(i + 1, COLUMNS.get(i));
            }
            bulkCopy.writeToServer(new Rows(runId, rows, arm));
        }
    }

    /** Constraints checked and triggers fired (no ALTER needed), in the caller's transaction, bounded in time. */
    static SQLServerBulkCopyOptions options(Duration timeout) throws SQLServerException {
        SQLServerBulkCopyOptions options = new SQLServerBulkCopyOptions();
        options.setCheckConstraints(true);
        options.setFireTriggers(true);
        options.setUseInternalTransaction(false);
        options.setKeepIdentity(false);
        options.setTableLock(false);
        options.setBulkCopyTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds())));
        return options;
    }

    /** One run's rows as the driver reads them: run id, user id, product id, rank, arm. */
    static final class Rows implements ISQLServerBulkData {

        private static final long serialVersionUID = 1L;
        private static final int[] TYPES = {Types.BIGINT, Types.NVARCHAR, Types.NVARCHAR, Types.INTEGER, Types.VARCHAR};
        private static final int[] PRECISIONS = {19, 64, 64, 10, 8};

        private final long runId;
        private final String arm;
        private final transient Iterator<StagedRow> rows;
        private transient StagedRow current;

        Rows(long runId, List<StagedRow> rows, String arm) {
            this.runId = runId;
            this.arm = arm;
            this.rows = rows.iterator();
        }

        @Override
        public Set<Integer> getColumnOrdinals() {
            return Set.of(1, 2, 3, 4, 5);
        }

        @Override
        public String getColumnName(int column) {
            return COLUMNS.get(column - 1);
        }

        @Override
        public int getColumnType(int column) {
            return TYPES[column - 1];
        }

        @Override
        public int getPrecision(int column) {
            return PRECISIONS[column - 1];
        }

        @Override
        public int getScale(int column) {
            return 0;
        }

        @Override
        public boolean next() {
            current = rows.hasNext() ? rows.next() : null;
            return current != null;
        }

        @Override
        public Object[] getRowData() {
            return new Object[]{runId, current.userId(), current.productId(), current.rank(), arm};
        }
    }
}
