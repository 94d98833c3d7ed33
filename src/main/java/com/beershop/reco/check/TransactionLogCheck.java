package com.beershop.reco.check;

import com.beershop.reco.schema.DatabaseDialect;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether SQL Server's transaction log, and tempdb's version store, can hold tonight's publish. The publish deletes
 * every live row and inserts the new ones in one transaction; the log cannot truncate past an open transaction, so
 * all of it must fit, and a full log (error 9002) rolls the night back. With READ_COMMITTED_SNAPSHOT on, the old
 * version of every deleted row also stays in tempdb until the commit. Both are estimated from the live row count.
 * Every figure comes from the database's own catalog; one that needs a permission the login lacks is reported as
 * not measurable, with the permission's name, and never fails the check.
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
        DatabaseDialect dialect = context.dialect();
        Optional<String> query = dialect.transactionLogSpace();
        if (query.isEmpty()) {
            return List.of(CheckResult.ok(name(), context.productName()
                    + " does not hold one transaction's whole log: nothing to size"));
        }
        long liveRows = context.count("SELECT COUNT(*) FROM " + liveTable);
        List<Object[]> rows = context.rows(query.get(), liveTable, liveTable, liveTable);
        if (rows.isEmpty()) {
            return List.of(CheckResult.failed(name(), "sys.database_files returned nothing"));
        }
        Object[] row = rows.get(0);
        LogSpace space = new LogSpace(number(row[0]), row[1] == null ? null : number(row[1]), number(row[2]) == 1,
                number(row[3]), row[4] == null ? null : number(row[4]), (int) Math.max(1, number(row[5])));
        CheckResult versions = number(row[6]) == 1 ? tempdb(context).verdict(space.versionBytes(liveRows), liveRows)
                : CheckResult.ok(VersionStore.NAME, "READ_COMMITTED_SNAPSHOT is OFF: the publish keeps no row versions");
        return List.of(space.verdict(liveRows), versions);
    }

    /** tempdb's limit from its catalog; its use only with the state-view permission. */
    private static VersionStore tempdb(CheckContext context) throws SQLException {
        DatabaseDialect dialect = context.dialect();
        Object[] files = context.rows(dialect.tempdbSpace().orElseThrow()).get(0);
        Object[] permission = context.rows(dialect.stateViewPermission().orElseThrow()).get(0);
        boolean granted = PrivilegeCheck.isTrue(permission[1]);
        Long used = granted ? (Long) number(context.single(dialect.tempdbUsed().orElseThrow())) : null;
        return new VersionStore(number(files[0]) == 1, number(files[1]), used, granted ? null : (String) permission[0]);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * tempdb as the publish's row versions meet it.
     *
     * @param usedBytes allocated now; null when not measurable
     * @param lacking the permission that would make it measurable, when the login lacks it
     */
    record VersionStore(boolean unlimited, long maxBytes, Long usedBytes, String lacking) {

        static final String NAME = "version store";

        CheckResult verdict(long neededBytes, long liveRows) {
            String estimate = String.format(Locale.ROOT, "deleting ~%,d live rows keeps ~%s of row versions in"
                    + " tempdb until the publish commits (READ_COMMITTED_SNAPSHOT is ON)", liveRows, LogSpace.mb(neededBytes));
            String use = usedBytes == null ? "tempdb's free space not measurable: the login lacks " + lacking
                    : LogSpace.mb(usedBytes) + " of tempdb in use now";
            if (unlimited) {
                return CheckResult.ok(NAME, estimate + "; tempdb may grow until the disk is full; " + use);
            }
            long room = maxBytes - (usedBytes == null ? 0 : usedBytes);
            if (neededBytes > room) {
                return CheckResult.failed(NAME, estimate + " but tempdb can only hold " + LogSpace.mb(room)
                        + " more (max " + LogSpace.mb(maxBytes) + "); " + use + ": raise tempdb's MAXSIZE");
            }
            return CheckResult.ok(NAME, estimate + "; tempdb may grow to " + LogSpace.mb(maxBytes) + "; " + use);
        }
    }

    /**
     * The log's state and the live table's shape.
     *
     * @param usedBytes the log's used bytes; null when not measurable (FILEPROPERTY gives NULL)
     * @param rowBytes average bytes of a live row on disk, null when the table is empty
     * @param indexes B-trees each row is written to (the clustered index or heap, plus nonclustered indexes)
     */
    record LogSpace(long totalBytes, Long usedBytes, boolean unlimited, long maxBytes, Long rowBytes, int indexes) {

        /** Log record header and bookkeeping per row change, beyond the row image (measured figures run 60-110). */
        static final int LOG_RECORD_OVERHEAD = 100;
        /** A row when the table is empty: two ids of about 10 characters in NVARCHAR, an INT, the row header. */
        static final int DEFAULT_ROW_BYTES = 60;
        /** The version record's own tag (transaction sequence number and pointer) beside the row image. */
        static final int VERSION_OVERHEAD = 14;

        /**
         * Bytes of log tonight's publish needs: each row is deleted and inserted (2 changes) in every B-tree, and
         * SQL Server reserves about as much again for a possible rollback.
         */
        long publishBytes(long rows) {
            return rows * 2 * 2 * indexes * (rowBytesOrDefault() + LOG_RECORD_OVERHEAD);
        }

        /** tempdb bytes for the old version of every deleted row, in every B-tree (an estimate: no overhead beyond the tag). */
        long versionBytes(long rows) {
            return rows * indexes * (rowBytesOrDefault() + VERSION_OVERHEAD);
        }

        private long rowBytesOrDefault() {
            return rowBytes == null ? DEFAULT_ROW_BYTES : rowBytes;
        }

        CheckResult verdict(long liveRows) {
            String name = "transaction log";
            long needed = publishBytes(liveRows);
            String estimate = String.format(Locale.ROOT, "publishing ~%,d rows (today's live count) needs ~%s of log",
                    liveRows, mb(needed));
            String used = usedBytes == null ? "used space not measurable (FILEPROPERTY gave NULL: the login may not"
                    + " see the log file's use; VIEW DATABASE STATE shows it)" : "used " + mb(usedBytes);
            if (unlimited) {
                return CheckResult.ok(name, estimate + "; " + (usedBytes == null ? used : mb(totalBytes - usedBytes)
                        + " free now") + ", and the log may grow until the disk is full (MAXSIZE UNLIMITED, at most 2 TB;"
                        + " disk space is not visible from SQL: keep that much free)");
            }
            long room = maxBytes - (usedBytes == null ? 0 : usedBytes);
            if (needed > room) {
                return CheckResult.failed(name, estimate + " but the log can only hold " + mb(room) + " more (max "
                        + mb(maxBytes) + ", " + used + "): raise the log's MAXSIZE before the night");
            }
            return CheckResult.ok(name, estimate + "; the log can hold " + mb(room) + " more (max " + mb(maxBytes)
                    + (usedBytes == null ? "; " + used : "") + ")");
        }

        static String mb(long bytes) {
            return String.format(Locale.ROOT, "%,d MB", (bytes + 999_999) / 1_000_000);
        }
    }
}
