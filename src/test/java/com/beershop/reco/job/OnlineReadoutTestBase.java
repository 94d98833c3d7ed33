package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online readout end to end: after a publish at share 0.5 on a shop with hand-made rows, known users of both
 * arms rate products, some on their list and some not, after the publish (and a few before it, or without a time);
 * the next run must report exactly the hit rate and precision that follow from those ratings. The expected figures
 * come from the live table and the added ratings alone: a user's arm is whether their live rows are still the
 * hand-made ones.
 */
abstract class OnlineReadoutTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    HandMadeShop shop;
    TestDatabase db;

    abstract TestDatabase createDatabase();

    @BeforeEach
    void shopWithHandMadeRows() throws Exception {
        shop = HandMadeShop.open(createDatabase(), 3);
        db = shop.db;
    }

    @AfterEach
    void dropDatabase() {
        shop.close();
    }

    @Test
    void shouldReportExactlyTheHitRateThatFollowsFromTheRatingsAddedAfterThePublish(@TempDir Path dir) throws Exception {
        // given: generation A live at share 0.5
        assertThat(db.run("run", "--reco.publish.rollout-share=0.5")).isEqualTo(ExitCodes.OK);
        long runA = shop.lastRunId();
        Map<String, List<String>> live = shop.live();
        Set<String> model = new TreeSet<>(shop.movedUsers(live));
        Set<String> control = new TreeSet<>(live.keySet());
        control.removeAll(model);
        LocalDateTime publishedAt = db.jdbc.queryForObject(
                "SELECT ended_at FROM reco_run_history WHERE job_execution_id = ?", Timestamp.class, runA).toLocalDateTime();
        Timestamp after = Timestamp.valueOf(publishedAt.plusSeconds(1));
        Thread.sleep(1_500); // the readout's window ends when it runs: the added ratings must lie before that
        List<String> products = db.jdbc.queryForList("SELECT product_id FROM products ORDER BY product_id", String.class);

        List<Object[]> added = new ArrayList<>();
        Map<String, Expected> expected = new HashMap<>();
        for (Map.Entry<String, Set<String>> arm : Map.of("model", model, "control", control).entrySet()) {
            Expected e = new Expected();
            expected.put(arm.getKey(), e);
            List<String> users = new ArrayList<>(arm.getValue()).subList(0, 16);
            for (int i = 0; i < users.size(); i++) {
                String user = users.get(i);
                List<String> onList = live.get(user).stream().map(row -> row.split("\\|")[0]).toList();
                String listed = onList.get(i % onList.size());
                String unlisted = products.stream().filter(p -> !onList.contains(p)).skip(i).findFirst().orElseThrow();
                switch (i % 4) {
                    case 0 -> added.add(rating(user, listed, after)); // a hit
                    case 1 -> added.add(rating(user, unlisted, after)); // rated, no hit
                    case 2 -> { // a hit and a miss
                        added.add(rating(user, listed, after));
                        added.add(rating(user, unlisted, after));
                    }
                    default -> { // before the publish, or without a time: left out
                        added.add(rating(user, listed, Timestamp.valueOf(publishedAt.minusDays(1))));
                        added.add(rating(user, onList.get(0), null));
                    }
                }
            }
            // independently of the job: who rated in the window, and which of those pairs were on the live list
            for (Object[] r : added) {
                if (r[3] != null && ((Timestamp) r[3]).after(Timestamp.valueOf(publishedAt))
                        && arm.getValue().contains((String) r[0])) {
                    e.users.add((String) r[0]);
                    boolean hit = live.get((String) r[0]).stream().anyMatch(row -> row.startsWith(r[1] + "|"));
                    if (hit) {
                        e.usersWithHits.add((String) r[0]);
                        e.hits.add(r[0] + "|" + r[1]);
                    }
                }
            }
        }
        db.insertRatings(added);

        // when
        assertThat(db.run("run", "--reco.publish.rollout-share=0.5")).isEqualTo(ExitCodes.OK);

        // then: the readout recorded with the run, for generation A, per arm
        JsonNode online = JSON.readTree(db.jdbc.queryForObject(
                "SELECT online FROM reco_run_history WHERE id = (SELECT MAX(id) FROM reco_run_history)", String.class));
        for (String arm : List.of("model", "control")) {
            Expected e = expected.get(arm);
            JsonNode figures = find(online, runA, arm);
            assertThat(e.users).as("the test's own data").hasSize(12);
            assertThat(figures.path("users").asLong()).as(arm).isEqualTo(e.users.size());
            assertThat(figures.path("users_with_hits").asLong()).as(arm).isEqualTo(e.usersWithHits.size());
            assertThat(figures.path("hit_rate").asDouble()).as(arm)
                    .isEqualTo(e.usersWithHits.size() / (double) e.users.size());
            assertThat(figures.path("precision").asDouble()).as(arm)
                    .isEqualTo(e.hits.size() / (double) (e.users.size() * RecommendationJobTestBase.N));
            assertThat(figures.path("hit_rate_low").asDouble()).isLessThan(figures.path("hit_rate").asDouble());
            assertThat(figures.path("hit_rate_high").asDouble()).isGreaterThan(figures.path("hit_rate").asDouble());
        }
        assertThat(find(online, runA, "model").path("listed_users").asLong()).isEqualTo(model.size());
        assertThat(find(online, runA, "control").path("listed_users").asLong()).isEqualTo(control.size());

        // and the report shows it: JSON under "online", the table, one chart per arm in the HTML page
        String json = printed(() -> assertThat(db.run("report", "--format=json")).isEqualTo(ExitCodes.OK));
        // the log lines go to standard output too: the JSON is the array after them
        JsonNode newest = JSON.readTree(json.substring(json.indexOf("\n[") + 1, json.lastIndexOf(']') + 1)).get(0);
        assertThat(newest.path("online").isArray()).isTrue();
        assertThat(find(newest.path("online"), runA, "model").path("hit_rate").asDouble())
                .isEqualTo(find(online, runA, "model").path("hit_rate").asDouble());
        String table = printed(() -> assertThat(db.run("report")).isEqualTo(ExitCodes.OK));
        assertThat(table).contains("Online readout").containsPattern("(?m)^" + runA + " +\\| model ");
        Path html = dir.resolve("report.html");
        assertThat(db.run("report", "--html=" + html)).isEqualTo(ExitCodes.OK);
        String page = Files.readString(html);
        assertThat(page).contains("id=\"online-model-chart\"").contains("id=\"online-control-chart\"")
                .contains("data-series=\"model hit rate\"")
                .contains("data-value=\"" + find(online, runA, "model").path("hit_rate").asDouble() + "\"")
                .contains("data-value=\"" + find(online, runA, "control").path("hit_rate").asDouble() + "\"");

        // and a night later, generation A's lists are not read again: the same figures from its raters alone
        String night = printed(() -> assertThat(db.run("run", "--reco.publish.rollout-share=0.5",
                "--logging.level.com.beershop.reco.online=INFO")).isEqualTo(ExitCodes.OK));
        assertThat(night).contains("Online readout of generation " + runA + ": its listed users as the last"
                + " recorded readout counted them; only the users who rated in its window were looked up");
        JsonNode third = JSON.readTree(db.jdbc.queryForObject(
                "SELECT online FROM reco_run_history WHERE id = (SELECT MAX(id) FROM reco_run_history)", String.class));
        for (String arm : List.of("model", "control")) {
            for (String field : List.of("listed_users", "users", "users_with_hits", "hits", "hit_rate", "precision")) {
                assertThat(find(third, runA, arm).path(field).asDouble()).as(arm + " " + field)
                        .isEqualTo(find(online, runA, arm).path(field).asDouble());
            }
        }
    }

    @Test
    void shouldReadOutAGenerationOfTheModelArmAloneFromItsRatersWithTheUsersItsPublishingRunListed() throws Exception {
        // given: generation A live with every list the model's, and the run that published it recorded its users
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long runA = shop.lastRunId();
        Map<String, List<String>> live = shop.live();
        assertThat(db.jdbc.queryForObject("SELECT listed_users FROM reco_run_history WHERE job_execution_id = ?",
                Long.class, runA)).isEqualTo(live.size());
        LocalDateTime publishedAt = db.jdbc.queryForObject(
                "SELECT ended_at FROM reco_run_history WHERE job_execution_id = ?", Timestamp.class, runA).toLocalDateTime();
        Timestamp after = Timestamp.valueOf(publishedAt.plusSeconds(1));
        Thread.sleep(1_500); // the readout's window ends when it runs: the added ratings must lie before that
        List<String> products = db.jdbc.queryForList("SELECT product_id FROM products ORDER BY product_id", String.class);
        List<String> users = new ArrayList<>(live.keySet()).subList(0, 12);
        List<Object[]> added = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            List<String> onList = live.get(users.get(i)).stream().map(row -> row.split("\\|")[0]).toList();
            String unlisted = products.stream().filter(p -> !onList.contains(p)).skip(i).findFirst().orElseThrow();
            // even users rate a product of their list (a hit) and one off it; odd users only one off it
            added.add(rating(users.get(i), unlisted, after));
            if (i % 2 == 0) {
                added.add(rating(users.get(i), onList.get(i % onList.size()), after));
            }
        }
        db.insertRatings(added);

        // when
        String night = printed(() -> assertThat(db.run("run", "--logging.level.com.beershop.reco.online=INFO"))
                .isEqualTo(ExitCodes.OK));

        // then: its lists were not counted again, and the figures are those of the ratings and the live table
        assertThat(night).contains("Online readout of generation " + runA + ": its listed users as the run that"
                + " published it counted them; only the users who rated in its window were looked up");
        JsonNode online = JSON.readTree(db.jdbc.queryForObject(
                "SELECT online FROM reco_run_history WHERE id = (SELECT MAX(id) FROM reco_run_history)", String.class));
        JsonNode figures = find(online, runA, "model");
        assertThat(figures.path("listed_users").asLong()).isEqualTo(live.size());
        assertThat(figures.path("users").asLong()).isEqualTo(12);
        assertThat(figures.path("users_with_hits").asLong()).isEqualTo(6);
        assertThat(figures.path("hits").asLong()).isEqualTo(6);
        List<String> arms = new ArrayList<>();
        online.forEach(f -> arms.add(f.path("arm").asString()));
        assertThat(arms).containsOnly("model");
    }

    private static final class Expected {
        final Set<String> users = new HashSet<>();
        final Set<String> usersWithHits = new HashSet<>();
        final Set<String> hits = new HashSet<>();
    }

    private static Object[] rating(String user, String product, Timestamp ratedAt) {
        return new Object[]{user, product, new BigDecimal("4"), ratedAt};
    }

    private static JsonNode find(JsonNode online, long generation, String arm) {
        for (JsonNode f : online) {
            if (f.path("generation").asLong() == generation && arm.equals(f.path("arm").asString())) {
                return f;
            }
        }
        throw new AssertionError("no readout of generation " + generation + ", arm " + arm + " in " + online);
    }

    private static String printed(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
