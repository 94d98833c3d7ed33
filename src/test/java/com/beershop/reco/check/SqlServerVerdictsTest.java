package com.beershop.reco.check;

import com.beershop.reco.check.TransactionLogCheck.LogSpace;
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
        assertThat(new LogSpace(0, 0, false, 0, null, 2).publishBytes(1_000_000)).as("empty table: 60-byte rows")
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
}
