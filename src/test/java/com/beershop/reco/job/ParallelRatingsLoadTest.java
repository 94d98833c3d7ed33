package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the ratings over several connections at once gives what one reader gives: the same live table and the
 * same run-history facts (fingerprint, counts, rejections by reason, users, products, hold-out metrics), bad rows
 * and duplicates included, on H2 and on PostgreSQL (the exported-snapshot path).
 */
@ExtendWith(OutputCaptureExtension.class)
class ParallelRatingsLoadTest {

    private static final SampleDataSpec DATA = SampleDataSpec.of(1000, 150, 25_000, 23);
    private static final String FACTS = "SELECT data_fingerprint, ratings_read, ratings_rejected, ratings_used,"
            + " duplicate_ratings, unrecommendable_ratings, users, products, ndcg_at_n, rows_published"
            + " FROM reco_run_history ORDER BY id";

    @Test
    void shouldPublishTheSameListsAndFingerprintWithFourReadersAsWithOneOnH2(CapturedOutput output) throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            shouldMatch(db, output);
        }
    }

    @Test
    void shouldPublishTheSameListsAndFingerprintWithFourReadersAsWithOneOnPostgres(CapturedOutput output)
            throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            shouldMatch(db, output);
            assertThat(output).contains("(EXPORTED_SNAPSHOT,");
        }
    }

    /**
     * The step's transaction and the snapshot coordinator each hold a pool connection through the whole load (the
     * run lock has connections of its own, beside the pool), so the default pool of 10 can serve 8 readers at once:
     * asking for 9 gets 8, and no reader waits for a connection. Each read takes a second here (a view that sleeps)
     * while a connection is waited for at most 250 ms, so a reader that had to wait would fail the load.
     */
    @Test
    void shouldCapNineReadersToWhatTheDefaultPoolCanGiveBesideTheRunsOwnConnectionsOnPostgres(CapturedOutput output)
            throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
            db.loadGenerated(DATA);
            db.jdbc.execute("ALTER TABLE ratings RENAME TO ratings_data");
            db.jdbc.execute("CREATE VIEW ratings AS SELECT r.user_id, r.product_id, r.rating, r.rated_at"
                    + " FROM ratings_data r CROSS JOIN (SELECT pg_sleep(1)) AS slow_read");

            int exit = db.run("run", "--reco.input.readers=9", "--spring.datasource.hikari.connection-timeout=250",
                    "--logging.level.com.beershop.reco=INFO");

            assertThat(exit).isEqualTo(ExitCodes.OK);
            assertThat(output).contains("reco.input.readers: 9 wanted, 8 used: the connection pool has 10 connections"
                    + " and the run holds 2 of them through the load (step transaction, snapshot coordinator)")
                    .contains("with 8 readers over binary COPY (EXPORTED_SNAPSHOT,");
            assertThat(output).doesNotContain("Connection is not available");
        }
    }

    /** TABLESAMPLE reads only base tables: from a view the boundaries are the exact tiles, and the lists the same. */
    @Test
    void shouldReadAViewAsRatingsWithExactBoundariesAndPublishWhatTheTableGivesOnPostgres(CapturedOutput output)
            throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            shouldReadAViewAsTheTable(db);
            assertThat(output).contains("Range boundaries from every distinct user id: ratings is not a local base"
                    + " table, so it cannot be sampled");
        }
    }

    @Test
    void shouldReadAViewAsRatingsAndPublishWhatTheTableGivesOnH2() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            shouldReadAViewAsTheTable(db);
        }
    }

    private static void shouldReadAViewAsTheTable(TestDatabase db) throws Exception {
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(DATA);
        assertThat(db.run("run", "--reco.input.readers=4")).isEqualTo(ExitCodes.OK);
        List<String> fromTable = db.liveRows();
        db.jdbc.execute("ALTER TABLE ratings RENAME TO ratings_data");
        db.jdbc.execute("CREATE VIEW ratings AS SELECT user_id, product_id, rating, rated_at FROM ratings_data");

        assertThat(db.run("run", "--reco.input.readers=4", "--logging.level.com.beershop.reco=INFO"))
                .isEqualTo(ExitCodes.OK);

        assertThat(db.liveRows()).hasSize(fromTable.size()).isEqualTo(fromTable);
        List<Map<String, Object>> runs = db.jdbc.queryForList(FACTS);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    private static void shouldMatch(TestDatabase db, CapturedOutput output) throws Exception {
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(DATA);
        db.insertRatings(badAndDuplicateRows());

        assertThat(db.run("run", "--reco.input.readers=1", "--logging.level.com.beershop.reco.ingest=INFO"))
                .isEqualTo(ExitCodes.OK);
        List<String> serialLists = db.liveRows();
        assertThat(db.run("run", "--reco.input.readers=4", "--logging.level.com.beershop.reco.ingest=INFO"))
                .isEqualTo(ExitCodes.OK);
        List<String> parallelLists = db.liveRows();

        assertThat(output).contains("with one reader").contains("with 4 readers");
        assertThat(parallelLists).hasSize(serialLists.size()).isEqualTo(serialLists);
        List<Map<String, Object>> runs = db.jdbc.queryForList(FACTS);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(((Number) runs.get(0).get("ratings_rejected")).longValue()).isEqualTo(4);
        assertThat(((Number) runs.get(0).get("duplicate_ratings")).longValue()).isPositive();
        List<Map<String, Object>> reasons = db.jdbc.queryForList(
                "SELECT rejected_by_reason FROM reco_run_history ORDER BY id");
        assertThat(String.valueOf(reasons.get(1).get("rejected_by_reason")))
                .isEqualTo(String.valueOf(reasons.get(0).get("rejected_by_reason")));
    }

    /** Rejected rows (a NULL user id lands in the first range), and a user who rated one product twice. */
    private static List<Object[]> badAndDuplicateRows() {
        Timestamp earlier = Timestamp.valueOf(LocalDateTime.of(2025, 1, 1, 0, 0));
        Timestamp later = Timestamp.valueOf(LocalDateTime.of(2025, 6, 1, 0, 0));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{null, "B001", new BigDecimal("4"), null});
        rows.add(new Object[]{"U0500", null, new BigDecimal("4"), null});
        rows.add(new Object[]{"U0999", "B002", new BigDecimal("9"), null});
        rows.add(new Object[]{"U0001", "B003", null, null});
        rows.add(new Object[]{"U9999", "B004", new BigDecimal("2"), earlier});
        rows.add(new Object[]{"U9999", "B004", new BigDecimal("5"), later});
        return rows;
    }
}
