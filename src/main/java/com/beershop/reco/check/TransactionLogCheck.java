package com.beershop.reco.check;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether SQL Server's transaction log can hold tonight's publish. The publish deletes every live row and inserts
 * the new ones in one transaction; the log cannot truncate past an open transaction, so all of it must fit, and
 * a full log (error 9002) rolls the night back. Tonight's size is estimated from the live row count.
 */
final class TransactionLogCheck implements DatabaseCheck {

    private final String liveTable;

    TransactionLogCheck(String liveTable) {
        this.liveTable = liveTable;
    }

    @Override
    public String name() {
        return "transaction log";
    }

    @Override
    public List<CheckResult> run(CheckContext context) throws SQLException {
        Optional<String> query = context.dialect().transactionLogSpace();
        if (query.isEmpty()) {
            return List.of(CheckResult.ok(name(), context.productName()
                    + " does not hold one transaction's whole log: nothing to size"));
        }
        long liveRows = context.count("SELECT COUNT(*) FROM " + liveTable);
        List<Object[]> rows = context.rows(query.get(), liveTable, liveTable);
        if (rows.isEmpty()) {
            return List.of(CheckResult.failed(name(), "sys.dm_db_log_space_usage returned nothing (needs VIEW DATABASE STATE)"));
        }
        Object[] row = rows.get(0);
        LogSpace space = new LogSpace(number(row[0]), number(row[1]), number(row[2]) == 1, number(row[3]),
                row[4] == null ? null : number(row[4]), (int) Math.max(1, number(row[5])));
        return List.of(space.verdict(liveRows));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * The log's state and the live table's shape.
     *
     * @param rowBytes average bytes of a live row on disk, null when the table is empty
     * @param indexes B-trees each row is written to (the clustered index or heap, plus nonclustered indexes)
     */
    record LogSpace(long totalBytes, long usedBytes, boolean unlimited, long maxBytes, Long rowBytes, int indexes) {

        /** Log record header and bookkeeping per row change, beyond the row image (measured figures run 60-110). */
        static final int LOG_RECORD_OVERHEAD = 100;
        /** A row when the table is empty: two ids of about 10 characters in NVARCHAR, an INT, the row header. */
        static final int DEFAULT_ROW_BYTES = 60;

        /**
         * Bytes of log tonight's publish needs: each row is deleted and inserted (2 changes) in every B-tree, and
         * SQL Server reserves about as much again for a possible rollback.
         */
        long publishBytes(long rows) {
            long row = rowBytes == null ? DEFAULT_ROW_BYTES : rowBytes;
            return rows * 2 * 2 * indexes * (row + LOG_RECORD_OVERHEAD);
        }

        CheckResult verdict(long liveRows) {
            String name = "transaction log";
            long needed = publishBytes(liveRows);
            long freeNow = totalBytes - usedBytes;
            String estimate = String.format(Locale.ROOT, "publishing ~%,d rows (today's live count) needs ~%s of log",
                    liveRows, mb(needed));
            if (unlimited) {
                return CheckResult.ok(name, estimate + "; " + mb(freeNow) + " free now, and the log may grow until"
                        + " the disk is full (disk space is not visible from SQL: keep that much free)");
            }
            long room = maxBytes - usedBytes;
            if (needed > room) {
                return CheckResult.failed(name, estimate + " but the log can only hold " + mb(room) + " more (max "
                        + mb(maxBytes) + ", used " + mb(usedBytes) + "): raise the log's MAXSIZE before the night");
            }
            return CheckResult.ok(name, estimate + "; the log can hold " + mb(room) + " more (max " + mb(maxBytes) + ")");
        }

        private static String mb(long bytes) {
            return String.format(Locale.ROOT, "%,d MB", (bytes + 999_999) / 1_000_000);
        }
    }
}
