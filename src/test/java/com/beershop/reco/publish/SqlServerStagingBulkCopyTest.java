package com.beershop.reco.publish;

import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import org.junit.jupiter.api.Test;

import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staging rows' bulk copy on SQL Server, short of a server to copy to. A bulk copy skips CHECK and FOREIGN KEY
 * constraints and triggers by default (SQLServerBulkCopyOptions: learn.microsoft.com/sql/connect/jdbc/using-bulk-copy-with-the-jdbc-driver),
 * and then needs ALTER on the table (learn.microsoft.com/sql/t-sql/statements/bulk-insert-transact-sql, Permissions);
 * its timeout is 60 s unless set.
 */
class SqlServerStagingBulkCopyTest {

    @Test
    void shouldCheckConstraintsFireTriggersAndRunInTheChunksTransactionForTheQueryTimeout() throws Exception {
        SQLServerBulkCopyOptions options = SqlServerStagingBulkCopy.options(Duration.ofMinutes(10));

        assertThat(options.isCheckConstraints()).isTrue();
        assertThat(options.isFireTriggers()).isTrue();
        assertThat(options.isUseInternalTransaction()).as("the chunk's transaction, not one of its own").isFalse();
        assertThat(options.isKeepIdentity()).isFalse();
        assertThat(options.isTableLock()).isFalse();
        assertThat(options.getBulkCopyTimeout()).isEqualTo(600);
    }

    @Test
    void shouldHandTheDriverEachRowAsRunIdUserProductRankAndArmInReco_stagingsColumns() throws Exception {
        SqlServerStagingBulkCopy.Rows rows = new SqlServerStagingBulkCopy.Rows(42L,
                List.of(new StagedRow("U1", "B7", 1), new StagedRow("U1", "B3", 2)), "model");

        assertThat(rows.getColumnOrdinals()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(List.of(rows.getColumnName(1), rows.getColumnName(2), rows.getColumnName(3), rows.getColumnName(4),
                rows.getColumnName(5))).containsExactly("run_id", "user_id", "product_id", "item_rank", "arm");
        assertThat(List.of(rows.getColumnType(1), rows.getColumnType(2), rows.getColumnType(4), rows.getColumnType(5)))
                .containsExactly(Types.BIGINT, Types.NVARCHAR, Types.INTEGER, Types.VARCHAR);
        List<List<Object>> read = new ArrayList<>();
        while (rows.next()) {
            read.add(List.of(rows.getRowData()));
        }
        assertThat(read).containsExactly(List.of(42L, "U1", "B7", 1, "model"), List.of(42L, "U1", "B3", 2, "model"));
        assertThat(SqlServerStagingBulkCopy.TABLE).isEqualTo("reco_staging");
    }

    @Test
    void shouldDeclareEachColumnsPrecisionAsWideAsReco_stagingsColumnWithNoScale() {
        SqlServerStagingBulkCopy.Rows rows = new SqlServerStagingBulkCopy.Rows(1L, List.of(), null);

        assertThat(List.of(rows.getPrecision(1), rows.getPrecision(2), rows.getPrecision(3), rows.getPrecision(4),
                rows.getPrecision(5))).containsExactly(19, 64, 64, 10, 8);
        assertThat(List.of(rows.getScale(1), rows.getScale(2), rows.getScale(5))).containsOnly(0);
        assertThat(rows.getColumnType(3)).isEqualTo(Types.NVARCHAR);
        assertThat(rows.next()).as("no rows").isFalse();
    }

    @Test
    void shouldClampTheBulkCopyTimeoutBetweenOneSecondAndTheDriversLargest() throws Exception {
        assertThat(SqlServerStagingBulkCopy.options(Duration.ofMillis(300)).getBulkCopyTimeout()).isEqualTo(1);
        assertThat(SqlServerStagingBulkCopy.options(Duration.ofSeconds(Long.MAX_VALUE / 2)).getBulkCopyTimeout())
                .isEqualTo(Integer.MAX_VALUE);
    }
}
