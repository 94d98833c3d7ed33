package com.beershop.reco.check;

import com.beershop.reco.check.TransactionLogCheck.LogSpace;
import com.beershop.reco.check.TransactionLogCheck.VersionStore;
import com.beershop.reco.schema.DatabaseVendor;
import com.beershop.reco.ingest.IdPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the check concludes from SQL Server's answers. The queries themselves (sys.databases, sys.columns,
 * sys.dm_db_log_space_usage) cannot run on this machine: here the answers are given as SQL Server would give them.
 */
class SqlServerVerdictsTest {

    @Test
    void shouldFailWithRcsiOffUnlessBlockingReadersAreAccepted() {
        assertThat(ReadersCheck.verdict(true, false).ok()).isTrue();
        CheckResult off = ReadersCheck.verdict(false, false);
        assertThat(off.ok()).isFalse();
        assertThat(off.line()).startsWith("FAILED  readers during publish: READ_COMMITTED_SNAPSHOT is OFF")
                .contains("ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON", "reco.publish.allow-blocking-readers=true");
        assertThat(ReadersCheck.verdict(false, true).line()).startsWith("ok      readers during publish: READ_COMMITTED_SNAPSHOT is OFF")
                .contains("accepted by reco.publish.allow-blocking-readers=true");
    }

    @Test
    void shouldAcceptTheCollationsOwnComparisonAndRefuseAStricterOrLooserSetting() {
        Map<String, String> ci = Map.of("recommendations.user_id", "SQL_Latin1_General_CP1_CI_AS");

        assertThat(IdComparisonCheck.verdict(ci, IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES, Optional.empty()).line())
                .isEqualTo("ok      id comparison: ids compared IGNORE_CASE_AND_TRAILING_SPACES (collation"
                        + " SQL_Latin1_General_CP1_CI_AS), as the database does");
        assertThat(IdComparisonCheck.verdict(ci, IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES, Optional.of(IdPolicy.EXACT)).line())
                .startsWith("FAILED  id comparison: reco.input.id-policy=EXACT but the database compares ids as"
                        + " IGNORE_CASE_AND_TRAILING_SPACES");
        assertThat(IdComparisonCheck.verdict(Map.of("ratings.user_id", "Latin1_General_CI_AI"),
                IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES, Optional.empty()).line())
                .startsWith("FAILED  id comparison: collation Latin1_General_CI_AI ignores accents");
    }

    @Test
    void shouldEstimateTheLogFromLiveRowsRowSizeAndIndexes() {
        LogSpace oneIndex = new LogSpace(1_000_000_000L, 100_000_000L, false, 10_000_000_000L, 60L, 1);

        // 2 changes (delete, insert) x 2 (rollback reserve) x 1 B-tree x (60 + 100 bytes) = 640 bytes a row
        assertThat(oneIndex.publishBytes(1_000_000)).isEqualTo(640_000_000L);
        assertThat(new LogSpace(0, 0L, false, 0, null, 2).publishBytes(1_000_000)).as("empty table: 60-byte rows")
                .isEqualTo(1_280_000_000L);
    }

    @Test
    void shouldFailWhenTheLogCannotGrowEnoughForTonightsPublish() {
        LogSpace capped = new LogSpace(1_000_000_000L, 600_000_000L, false, 1_000_000_000L, 60L, 1);

        CheckResult twoMillion = capped.verdict(2_000_000);
        assertThat(twoMillion.ok()).isFalse();
        assertThat(twoMillion.detail()).contains("~2,000,000 rows", "needs ~1,280 MB", "can only hold 400 MB more",
                "raise the log's MAXSIZE");
        assertThat(capped.verdict(500_000).ok()).as("320 MB fit in 400 MB").isTrue();
        assertThat(new LogSpace(1_000_000_000L, 900_000_000L, true, 1_000_000_000L, 60L, 1).verdict(2_000_000).line())
                .startsWith("ok      transaction log:").contains("may grow until the disk is full");
    }

    /**
     * sys.dm_db_log_space_usage needs VIEW SERVER STATE (2019) or VIEW SERVER PERFORMANCE STATE (2022), not VIEW
     * DATABASE STATE (learn.microsoft.com/sql/relational-databases/system-dynamic-management-views/sys-dm-db-log-space-usage-transact-sql,
     * Permissions): with the documented grants it raised an error and the check failed the deploy. The log is read
     * from sys.database_files and FILEPROPERTY instead (public), and a log file with MAXSIZE UNLIMITED reports
     * max_size 268435456, not -1 (learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-database-files-transact-sql).
     */
    @Test
    void shouldReadTheLogFromTheDatabasesOwnCatalogAndKnowUnlimitedBy268435456() {
        String query = DatabaseVendor.SQLSERVER.dialect().transactionLogSpace().orElseThrow();

        assertThat(query).doesNotContain("sys.dm_").contains("sys.database_files", "FILEPROPERTY(f.name, 'SpaceUsed')",
                "f.max_size IN (-1, 268435456)", "sys.partitions", "sys.allocation_units", "is_read_committed_snapshot_on");
        assertThat(DatabaseVendor.SQLSERVER.dialect().tempdbSpace().orElseThrow()).doesNotContain("sys.dm_")
                .contains("tempdb.sys.database_files");
        assertThat(DatabaseVendor.SQLSERVER.dialect().stateViewPermission().orElseThrow())
                .contains("'VIEW SERVER STATE'", "'VIEW SERVER PERFORMANCE STATE'", "'VIEW DATABASE STATE'",
                        "HAS_PERMS_BY_NAME");
    }

    @Test
    void shouldJudgeTheLogOnItsLimitWhenItsUseIsNotMeasurable() {
        LogSpace unknownUse = new LogSpace(1_000_000_000L, null, false, 1_000_000_000L, 60L, 1);

        CheckResult fits = unknownUse.verdict(500_000);
        assertThat(fits.ok()).isTrue();
        assertThat(fits.detail()).contains("used space not measurable");
        assertThat(unknownUse.verdict(2_000_000).ok()).as("1,280 MB can never fit a 1,000 MB log").isFalse();
    }

    @Test
    void shouldEstimateTheVersionStoreAndSayWhichPermissionWouldMeasureTempdb() {
        LogSpace twoIndexes = new LogSpace(1_000_000_000L, 0L, false, 10_000_000_000L, 60L, 2);
        // 1,000,000 rows x 2 B-trees x (60 + 14 bytes)
        assertThat(twoIndexes.versionBytes(1_000_000)).isEqualTo(148_000_000L);

        CheckResult unmeasured = new VersionStore(false, 8_000_000_000L, null, "VIEW SERVER STATE")
                .verdict(148_000_000L, 1_000_000);
        assertThat(unmeasured.ok()).as("a missing permission never fails the deploy").isTrue();
        assertThat(unmeasured.line()).startsWith("ok      version store: deleting ~1,000,000 live rows keeps ~148 MB")
                .contains("tempdb's free space not measurable: the login lacks VIEW SERVER STATE");

        CheckResult full = new VersionStore(false, 1_000_000_000L, 900_000_000L, null).verdict(148_000_000L, 1_000_000);
        assertThat(full.ok()).isFalse();
        assertThat(full.detail()).contains("tempdb can only hold 100 MB more", "900 MB of tempdb in use now");
        assertThat(new VersionStore(true, 0, null, "VIEW SERVER PERFORMANCE STATE").verdict(148_000_000L, 1).ok())
                .isTrue();
    }
}
