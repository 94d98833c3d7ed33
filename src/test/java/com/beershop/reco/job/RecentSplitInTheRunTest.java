package com.beershop.reco.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataSpec;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code reco.evaluation.split=recent} backtests a night in the whole run: the gate and {@code evaluate} judge on the
 * same global cut, the gate's baseline is the stronger of most-popular and trending on it, and a model that ignores
 * time loses to trending on a shop where new releases take off: refused, yesterday's lists stay. The committed sample
 * has such a trend (seasons and releases), and {@code evaluate} on its recent split finds it.
 */
class RecentSplitInTheRunTest {

    private static final SampleDataSpec DATA = SampleDataSpec.of(1000, 150, 25_000, 31);
    private static final Path COMMITTED_SAMPLE =
            Path.of(System.getProperty("basedir", ".")).resolve("sample-data").toAbsolutePath();

    @Test
    void shouldJudgeTheGateAndEvaluateOnOneCutInTimeAgainstTheStrongerPopularityBaseline() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
            db.loadGenerated(DATA);

            assertThat(db.run("run", "--reco.evaluation.split=recent", "--reco.selection.enabled=false"))
                    .isEqualTo(ExitCodes.OK);
            assertThat(db.run("evaluate", "--reco.evaluation.split=recent",
                    "--reco.evaluation.candidates=most-popular,recent-popular,ials")).isEqualTo(ExitCodes.OK);

            List<Map<String, Object>> rows = db.jdbc.queryForList("SELECT run_mode, algorithm, holdout_split,"
                    + " ndcg_at_n, baseline_ndcg_at_n, outcome FROM reco_run_history ORDER BY id");
            assertThat(rows).extracting(row -> row.get("run_mode") + "/" + row.get("algorithm") + "/"
                    + row.get("holdout_split")).containsExactly("run/ials/recent", "evaluate/most-popular/recent",
                    "evaluate/recent-popular/recent", "evaluate/ials/recent");
            assertThat(rows.get(0).get("outcome")).isEqualTo("PUBLISHED");
            assertThat(number(rows.get(3), "ndcg_at_n")).as("the gate and evaluate judge on the same cut")
                    .isEqualTo(number(rows.get(0), "ndcg_at_n"));
            assertThat(number(rows.get(0), "baseline_ndcg_at_n")).as("the stronger popularity baseline")
                    .isEqualTo(Math.max(number(rows.get(1), "ndcg_at_n"), number(rows.get(2), "ndcg_at_n")));
            assertThat(number(rows.get(1), "ndcg_at_n")).as("trending ranks otherwise than all-time popularity")
                    .isNotEqualTo(number(rows.get(2), "ndcg_at_n"));
        }
    }

    @Test
    void shouldRefuseATimeBlindModelThatLosesToTrendingAndKeepTheLiveLists() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
            loadNewReleases(db);
            String[] recent = {"--reco.evaluation.split=recent", "--reco.selection.enabled=false"};
            assertThat(db.run("run", concat(recent, "--reco.model.algorithm=recent-popular"))).isEqualTo(ExitCodes.OK);
            List<String> trendingLists = db.liveRows();

            int exit = db.run("run", recent); // the default iALS knows the taste groups, not the new releases

            assertThat(exit).isEqualTo(ExitCodes.QUALITY_REFUSED);
            assertThat(db.liveRows()).isEqualTo(trendingLists);
            List<Map<String, Object>> runs = db.jdbc.queryForList(
                    "SELECT algorithm, gate_verdict, gate_reason, published FROM reco_run_history ORDER BY id");
            Map<String, Object> refused = runs.get(runs.size() - 1);
            assertThat(refused.get("algorithm")).isEqualTo("ials");
            assertThat(refused.get("gate_verdict")).isEqualTo("REFUSED");
            assertThat(refused.get("gate_reason").toString()).contains("does not beat recent-popular's");
            assertThat(refused.get("published")).isEqualTo(false);
        }
    }

    @Test
    void shouldFindTheCommittedSamplesTrendWithTrendingAboveAllTimePopularityOnTheRecentSplit() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);

            int exit = db.run("evaluate", "--reco.sample-data.seed=ALWAYS", "--sample-data=" + COMMITTED_SAMPLE,
                    "--reco.evaluation.split=recent", "--reco.evaluation.candidates=most-popular,recent-popular");

            assertThat(exit).isEqualTo(ExitCodes.OK);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM ratings", Long.class)).isEqualTo(60_000);
            Map<String, Double> ndcg = new HashMap<>();
            db.jdbc.query("SELECT algorithm, holdout_split, ndcg_at_n FROM reco_run_history WHERE run_mode = 'evaluate'",
                    row -> {
                        assertThat(row.getString("holdout_split")).isEqualTo("recent");
                        ndcg.put(row.getString("algorithm"), row.getDouble("ndcg_at_n"));
                    });
            assertThat(ndcg).containsOnlyKeys("most-popular", "recent-popular");
            // seasons and releases: what was rated lately predicts the next four weeks better than all time does
            assertThat(ndcg.get("recent-popular")).as("trending against most-popular %.4f", ndcg.get("most-popular"))
                    .isGreaterThan(1.1 * ndcg.get("most-popular"));
        }
    }

    /**
     * Three taste groups rate an old catalogue (B00-B29) over 300 days; ten new releases (N0-N9) arrive on day 330,
     * a tenth of the customers rate them in their first week, and in the last four weeks most customers rate three.
     */
    private static void loadNewReleases(TestDatabase db) {
        SplittableRandom random = new SplittableRandom(3);
        LocalDateTime start = LocalDateTime.of(2025, 1, 1, 12, 0);
        List<Object[]> products = new ArrayList<>();
        for (int item = 0; item < 30; item++) {
            products.add(new Object[] {String.format("B%02d", item), "old " + item, "lager", true});
        }
        for (int item = 0; item < 10; item++) {
            products.add(new Object[] {"N" + item, "new " + item, "ale", true});
        }
        List<Object[]> ratings = new ArrayList<>();
        for (int user = 0; user < 300; user++) {
            String id = String.format("U%03d", user);
            for (int item : random.ints(0, 10).distinct().limit(6).toArray()) {
                ratings.add(new Object[] {id, String.format("B%02d", (user % 3) * 10 + item), 4.0,
                        Timestamp.valueOf(start.plusDays(random.nextLong(300)))});
            }
            boolean early = user % 10 == 0;
            if (early || random.nextDouble() < 0.7) {
                for (int item : random.ints(0, 10).distinct().limit(3).toArray()) {
                    long day = early ? 330 + random.nextLong(7) : 338 + random.nextLong(27);
                    ratings.add(new Object[] {id, "N" + item, 5.0, Timestamp.valueOf(start.plusDays(day))});
                }
            }
        }
        db.jdbc.batchUpdate("INSERT INTO products (product_id, name, style, active) VALUES (?, ?, ?, ?)", products);
        db.jdbc.batchUpdate("INSERT INTO ratings (user_id, product_id, rating, rated_at) VALUES (?, ?, ?, ?)", ratings);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }
}
