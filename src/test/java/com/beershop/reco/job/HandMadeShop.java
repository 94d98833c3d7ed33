package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop whose live table holds hand-made rows for every user with ratings, before the job ever ran: what the
 * rollout's control arm keeps. Tells the arms apart by what the live table shows (a new list or the hand-made one),
 * not by the job's hash.
 */
final class HandMadeShop implements AutoCloseable {

    final TestDatabase db;
    final Map<String, List<String>> handMade;

    private HandMadeShop(TestDatabase db, Map<String, List<String>> handMade) {
        this.db = db;
        this.handMade = handMade;
    }

    /** A migrated database with the generated ratings and {@code perUser} hand-made rows per user. */
    static HandMadeShop open(TestDatabase db, int perUser) throws Exception {
        return open(db, RecommendationJobTestBase.DATA, perUser);
    }

    static HandMadeShop open(TestDatabase db, SampleDataSpec data, int perUser) throws Exception {
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(data);
        insertHandMadeRows(db, perUser);
        return new HandMadeShop(db, liveByUser(db));
    }

    /** Products picked by the user's position, ranks 1 to {@code perUser}. */
    static void insertHandMadeRows(TestDatabase db, int perUser) {
        List<String> users = db.jdbc.queryForList("SELECT DISTINCT user_id FROM ratings ORDER BY user_id", String.class);
        List<String> products = db.jdbc.queryForList("SELECT product_id FROM products ORDER BY product_id", String.class);
        List<Object[]> rows = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            for (int k = 0; k < perUser; k++) {
                rows.add(new Object[]{users.get(u), products.get((u * 7 + k) % products.size()), k + 1});
            }
        }
        db.jdbc.batchUpdate("INSERT INTO recommendations (user_id, product_id, rank) VALUES (?, ?, ?)", rows);
    }

    /** The live table per user: "product|rank" in rank order. */
    static Map<String, List<String>> liveByUser(TestDatabase db) {
        Map<String, List<String>> byUser = new TreeMap<>();
        for (String row : db.liveRows()) {
            String[] parts = row.split("\\|");
            byUser.computeIfAbsent(parts[0], u -> new ArrayList<>()).add(parts[1] + "|" + parts[2]);
        }
        return byUser;
    }

    Map<String, List<String>> live() {
        return liveByUser(db);
    }

    /** Users whose live rows are not their hand-made ones: the model arm, as a reader of the table sees it. */
    Set<String> movedUsers(Map<String, List<String>> live) {
        return live.entrySet().stream().filter(e -> !e.getValue().equals(handMade.get(e.getKey())))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(HashSet::new));
    }

    long lastRunId() {
        return db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
    }

    @Override
    public void close() {
        db.close();
    }
}
