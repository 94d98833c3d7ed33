package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code rehearse} mode end to end on a real database: a whole night whose publish is rolled back. The live
 * table never changes, the exit code is the one the real night would have had, the run history gets a
 * {@code REHEARSED} row with the night's counts, and no generation is made or pruned.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class RehearsalTestBase {

    private static final String COUNTS = "SELECT data_fingerprint, ratings_read, ratings_rejected, ratings_used,"
            + " duplicate_ratings, users, products, gate_verdict, ndcg_at_n, rows_published FROM reco_run_history"
            + " WHERE job_execution_id = ?";

    private static final Pattern REHEARSED_ROWS = Pattern.compile("Rehearsed publish: the DELETEs from"
            + " recommendations removed (\\d+) rows in \\d+ ms; the INSERTs wrote (\\d+) rows in \\d+ ms; (\\d+) rows"
            + " unchanged \\(([^)]*)\\)");

    TestDatabase db;

    abstract TestDatabase createDatabase();

    @BeforeEach
    void freshDatabaseWithRatings() throws Exception {
        db = createDatabase();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldExitZeroAndLeaveTheLiveTableAndTheGenerationsAsTheyWere(CapturedOutput output) throws Exception {
        // given: a published night, then 20 users leave, so tonight's lists differ from the live ones
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long published = ((Number) lastRow().get("job_execution_id")).longValue();
        List<String> yesterday = db.liveRows();
        List<String> staged = stagedRows();
        db.jdbc.update("DELETE FROM ratings WHERE user_id < ?", "U00021");
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<List<List<String>>> snapshots = CompletableFuture.supplyAsync(() -> db.liveSnapshotsWhile(running));

        // when
        int exit = rehearse();
        running.set(false);

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).isEqualTo(yesterday);
        assertThat(snapshots.get()).as("what readers saw during the rehearsal").isNotEmpty()
                .allMatch(yesterday::equals);
        Map<String, Object> row = lastRow();
        long rehearsal = ((Number) row.get("job_execution_id")).longValue();
        assertThat(row).containsEntry("run_mode", "rehearse").containsEntry("outcome", "REHEARSED")
                .containsEntry("published", false);
        assertThat(((Number) row.get("exit_code")).intValue()).isZero();
        assertThat(((Number) row.get("rows_published")).longValue()).as("what the night would have published")
                .isEqualTo(980L * RecommendationJobTestBase.N);
        assertThat(stagedRows()).as("the published generation stays, the rehearsal's rows are gone")
                .isEqualTo(staged);
        assertThat(db.count("SELECT COUNT(*) FROM reco_staging WHERE run_id = ?", rehearsal)).isZero();
        assertThat(db.run("republish", String.valueOf(rehearsal))).as("a rehearsal is no generation")
                .isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(db.run("republish", String.valueOf(published))).isEqualTo(ExitCodes.OK);
        Matcher rehearsed = REHEARSED_ROWS.matcher(output.getOut());
        assertThat(rehearsed.find()).as(output.getOut()).isTrue();
        long removed = Long.parseLong(rehearsed.group(1));
        long inserted = Long.parseLong(rehearsed.group(2));
        long unchanged = Long.parseLong(rehearsed.group(3));
        assertThat(removed + unchanged).as("yesterday's rows, removed or kept").isEqualTo(yesterday.size());
        assertThat(inserted + unchanged).as("tonight's rows, inserted or kept").isEqualTo(9800);
        assertThat(rehearsed.group(4)).as("compared as the night's publish compares")
                .isEqualTo("changed rows only, compared in memory");
        assertThat(output.getOut()).contains(
                "Rehearsed publish: the rows of recommendations stayed locked", "Rehearsed publish: transaction log: ",
                "Rehearsed publish: version store: ", "Rehearsal step loadRatingsStep",
                "Rehearsal step rehearsePublishStep", "rows rehearsed:    9800", "REHEARSAL PASSED (exit 0): a real night would have published"
                        + " 9,800 rows for 980 users to recommendations");
        List<String> lines = output.getOut().lines().filter(l -> l.contains("REHEARSAL ")).toList();
        assertThat(lines).as("one verdict line").hasSize(1);
    }

    @Test
    void shouldCountWhatTheRealNightThenPublishes() {
        // when: a rehearsal, then the real night on the same data
        assertThat(rehearse()).isEqualTo(ExitCodes.OK);
        long rehearsal = ((Number) lastRow().get("job_execution_id")).longValue();
        assertThat(db.liveRows()).as("nothing published yet").isEmpty();
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long night = ((Number) lastRow().get("job_execution_id")).longValue();

        // then
        Map<String, Object> rehearsed = db.jdbc.queryForMap(COUNTS, rehearsal);
        Map<String, Object> real = db.jdbc.queryForMap(COUNTS, night);
        assertThat(rehearsed).isEqualTo(real);
        assertThat(((Number) real.get("rows_published")).longValue()).isEqualTo(db.liveRows().size())
                .isEqualTo(1000L * RecommendationJobTestBase.N);
    }

    @Test
    void shouldFailNamingTheTableAndThePrivilegeForALoginWithoutDeleteOnTheLiveTable(CapturedOutput output) {
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        List<String> yesterday = db.liveRows();

        try (TestDatabase.Login login = db.loginWithout("DELETE", "recommendations")) {
            // when
            int exit = rehearse(login.arguments());

            // then: a missing grant is not worth a retry
            assertThat(exit).isEqualTo(ExitCodes.DATABASE_UNFIT);
            assertThat(db.liveRows()).isEqualTo(yesterday);
            String lacks = "the login " + login.user() + " lacks DELETE on recommendations";
            Map<String, Object> row = lastRow();
            assertThat(row).containsEntry("run_mode", "rehearse").containsEntry("outcome", "REHEARSED");
            assertThat(((Number) row.get("exit_code")).intValue()).isEqualTo(ExitCodes.DATABASE_UNFIT);
            assertThat(row.get("outcome_reason").toString()).containsIgnoringCase(lacks);
            assertThat(output.getOut().lines().filter(l -> l.contains("REHEARSAL FAILED (exit 9)")).toList())
                    .singleElement().asString().containsIgnoringCase(lacks);
            assertThat(db.count("SELECT COUNT(*) FROM reco_staging WHERE run_id = ?",
                    ((Number) row.get("job_execution_id")).longValue())).as("the rehearsal's rows are cleared").isZero();
        }
    }

    @Test
    void shouldExitWithTheGatesCodeWhenTheNightWouldBeRefused() {
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        List<String> yesterday = db.liveRows();

        int exit = rehearse(RecommendationJobTestBase.DEGRADED);

        assertThat(exit).isEqualTo(ExitCodes.QUALITY_REFUSED);
        assertThat(db.liveRows()).isEqualTo(yesterday);
        Map<String, Object> row = lastRow();
        assertThat(row).containsEntry("outcome", "REHEARSED").containsEntry("gate_verdict", "REFUSED");
        assertThat(row.get("outcome_reason").toString()).startsWith("a real night would have ended QUALITY_REFUSED");
    }

    /** The rehearsal's own lines are INFO; the tests' logging shows warnings only. */
    private int rehearse(String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.add("--logging.level.com.beershop.reco.job=INFO");
        return db.run("rehearse", args.toArray(String[]::new));
    }

    private Map<String, Object> lastRow() {
        return db.jdbc.queryForMap("SELECT * FROM reco_run_history WHERE id = (SELECT MAX(id) FROM reco_run_history)");
    }

    private List<String> stagedRows() {
        return db.jdbc.query("SELECT run_id, user_id, item_rank FROM reco_staging ORDER BY run_id, user_id, item_rank",
                (rs, i) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getInt(3));
    }
}
