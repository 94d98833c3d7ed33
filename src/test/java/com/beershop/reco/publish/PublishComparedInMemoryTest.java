package com.beershop.reco.publish;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.beershop.reco.testing.CapturedLog;
import com.beershop.reco.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.beershop.reco.publish.RecommendationPublisherTest.LIVE;
import static com.beershop.reco.publish.RecommendationPublisherTest.RUN;
import static com.beershop.reco.publish.RecommendationPublisherTest.liveRows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish given the staged rows as the run holds them: the live rows read once and compared in memory, only the
 * changed rows written, and the comparison handed to SQL where row by row would be wrong or slow. H2 (the SQL Server
 * scripts, ids bound as SQL Server casts them) and PostgreSQL.
 */
class PublishComparedInMemoryTest {

    private MigratedDatabase db;

    @AfterEach
    void drop() {
        db.close();
    }

    private void open(String vendor) {
        db = vendor.equals("h2") ? MigratedDatabase.h2() : MigratedDatabase.postgres();
    }

    /** Stages {@code byUser}'s rows as run {@link RecommendationPublisherTest#RUN} and returns them as in memory. */
    private StagedLists stage(Map<String, List<String>> byUser) {
        List<StagedRow> rows = new ArrayList<>();
        byUser.forEach((user, products) -> {
            for (int rank = 1; rank <= products.size(); rank++) {
                rows.add(new StagedRow(user, products.get(rank - 1), rank));
            }
        });
        new StagingRepository(db.jdbc, Duration.ofMinutes(1)).insert(RUN, rows);
        return LiveTableDiffTest.lists(byUser);
    }

    private List<String> stagedRows() {
        return RecommendationPublisherTest.stagedRows(db.jdbc);
    }

    private Map<String, String> rowVersions() {
        return RecommendationPublisherTest.rowVersions(db.jdbc);
    }

    private RecommendationPublisher publisher(RecommendationsTable table) {
        return new RecommendationPublisher(db.jdbc, db.transactions, table,
                new PublishSession(db.jdbc, Duration.ofSeconds(7), false), () -> { });
    }

    /** Tonight: U1 keeps B1 first and gets B9 second, U2's two ranks swap, U3 is new, U5 is alike, U4 is gone. */
    private StagedLists nightsThatPartlyAgree(String table) {
        db.jdbc.update("INSERT INTO " + table + " (user_id, product_id, rank) VALUES ('U1', 'B1', 1),"
                + " ('U1', 'B2', 2), ('U2', 'B1', 1), ('U2', 'B3', 2), ('U4', 'B5', 1), ('U5', 'B1', 1), ('U5', 'B2', 2)");
        Map<String, List<String>> tonight = new LinkedHashMap<>();
        tonight.put("U1", List.of("B1", "B9"));
        tonight.put("U2", List.of("B3", "B1"));
        tonight.put("U3", List.of("B8"));
        tonight.put("U5", List.of("B1", "B2"));
        return stage(tonight);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldWriteOnlyTheChangedRowsFoundInMemoryAndLeaveTheLiveTableEqualToTheRun(String vendor) {
        // given
        open(vendor);
        StagedLists tonight = nightsThatPartlyAgree("recommendations");
        Map<String, String> before = vendor.equals("postgresql") ? rowVersions() : Map.of();

        // when
        PublishResult result;
        try (CapturedLog log = CapturedLog.of(RecommendationPublisher.class)) {
            result = publisher(LIVE).publish(RUN, 7, tonight);

            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().get(0)).matches("INFO Compared the 7 live rows with the 7 staged in memory in"
                    + " \\d{1,5} ms: 3 unchanged, 4 gone, 4 new");
            assertThat(log.lines().get(1)).matches("INFO Published 7 rows to recommendations in \\d{1,5} ms \\(one"
                    + " transaction, changed rows only, compared in memory; 3 unchanged, 4 removed, 4 inserted;"
                    + " DELETE \\d{1,5} ms, INSERT \\d{1,5} ms\\)");
        }

        // then
        assertThat(result).isEqualTo(new PublishResult(RUN, 4, 7, 3, 4L));
        assertThat(liveRows(db.jdbc)).isEqualTo(stagedRows()).containsExactly("U1:B1:1", "U1:B9:2",
                "U2:B3:1", "U2:B1:2", "U3:B8:1", "U5:B1:1", "U5:B2:2");
        if (vendor.equals("postgresql")) {
            RecommendationPublisherTest.assertOnlyTheChangedRowsWritten(before, rowVersions(),
                    List.of("U1:B1:1", "U5:B1:1", "U5:B2:2"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldWriteNothingWhenTheLiveRowsAreTonightsComparedInMemory(String vendor) {
        // given
        open(vendor);
        StagedLists tonight = nightsThatPartlyAgree("recommendations");
        RecommendationPublisher publisher = publisher(LIVE);
        publisher.publish(RUN, 7, tonight);
        Map<String, String> before = vendor.equals("postgresql") ? rowVersions() : Map.of();

        // when
        PublishResult result = publisher.publish(RUN, 7, tonight);

        // then
        assertThat(result).isEqualTo(new PublishResult(RUN, 0, 7, 7, 4L));
        assertThat(liveRows(db.jdbc)).isEqualTo(stagedRows());
        if (vendor.equals("postgresql")) {
            assertThat(rowVersions()).as("no row written").isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldCompareInSqlWhereNoIndexOfTheLiveTableStartsWithItsUserColumn(String vendor) {
        // given: a live table by hand, indexed by product only: a DELETE by values would scan it for every row
        open(vendor);
        db.jdbc.execute("CREATE TABLE recommendations_by_hand (user_id VARCHAR(64), product_id VARCHAR(64), rank INT)");
        db.jdbc.execute("CREATE INDEX ix_by_hand_product ON recommendations_by_hand (product_id, user_id)");
        StagedLists tonight = nightsThatPartlyAgree("recommendations_by_hand");
        RecommendationsTable byHand = new RecommendationsTable("recommendations_by_hand", "user_id", "product_id",
                "rank");

        // when
        PublishResult result;
        try (CapturedLog log = CapturedLog.of(RecommendationPublisher.class)) {
            result = publisher(byHand).publish(RUN, 7, tonight);

            assertThat(log.lines().get(0)).isEqualTo("INFO Comparing in SQL: no index of recommendations_by_hand"
                    + " starts with user_id, so deleting rows by their values would scan it");
            assertThat(log.lines().get(1)).contains("(one transaction, changed rows only; 3 unchanged, 4 removed,"
                    + " 4 inserted;");
        }

        // then
        assertThat(result).isEqualTo(new PublishResult(RUN, 4, 7, 3, 4L));
        assertThat(db.jdbc.query("SELECT user_id, product_id, rank FROM recommendations_by_hand ORDER BY user_id, rank",
                (rs, i) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getInt(3))).isEqualTo(stagedRows());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldReplaceEveryRowWhereTheLiveTableHoldsARowTwiceThoughItComparesInMemory(String vendor) {
        // given: indexed by user but without a key, holding one of tonight's rows twice
        open(vendor);
        db.jdbc.execute("CREATE TABLE recommendations_by_hand (user_id VARCHAR(64), product_id VARCHAR(64), rank INT)");
        db.jdbc.execute("CREATE INDEX ix_by_hand_user ON recommendations_by_hand (user_id)");
        db.jdbc.update("INSERT INTO recommendations_by_hand (user_id, product_id, rank)"
                + " VALUES ('U1', 'B7', 1), ('U1', 'B7', 1), ('U9', 'B1', 1)");
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        byUser.put("U1", List.of("B7", "B8"));
        byUser.put("U2", List.of("B7"));
        StagedLists tonight = stage(byUser);
        RecommendationsTable byHand = new RecommendationsTable("recommendations_by_hand", "user_id", "product_id",
                "rank");

        // when
        PublishResult result;
        try (CapturedLog log = CapturedLog.of(RecommendationPublisher.class)) {
            result = publisher(byHand).publish(RUN, 3, tonight);

            assertThat(log.lines()).contains("INFO Publishing every row of run 5 to recommendations_by_hand, not only"
                    + " the changed ones: recommendations_by_hand holds a row twice");
        }

        // then
        assertThat(result).isEqualTo(new PublishResult(RUN, 3, 3, 0, 2L));
        assertThat(db.jdbc.query("SELECT user_id, product_id, rank FROM recommendations_by_hand ORDER BY user_id, rank",
                (rs, i) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getInt(3)))
                .containsExactly("U1:B7:1", "U1:B8:2", "U2:B7:1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldWriteSetBasedWhenMoreThanATenthAndMoreThanTenThousandRowsChanged(String vendor) {
        // given: 3,000 users with 10 rows each; tonight 1,200 of them get new lists (12,000 rows of 30,000)
        open(vendor);
        Map<String, List<String>> yesterday = new LinkedHashMap<>();
        Map<String, List<String>> tonight = new LinkedHashMap<>();
        for (int u = 0; u < 3_000; u++) {
            List<String> products = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (int rank = 0; rank < 10; rank++) {
                products.add("B" + (u + rank) % 97);
                changed.add("C" + (u + rank) % 97);
            }
            yesterday.put(String.format("U%05d", u), products);
            tonight.put(String.format("U%05d", u), u < 1_200 ? changed : products);
        }
        List<Object[]> live = new ArrayList<>();
        yesterday.forEach((user, products) -> {
            for (int rank = 1; rank <= products.size(); rank++) {
                live.add(new Object[]{user, products.get(rank - 1), rank});
            }
        });
        db.jdbc.batchUpdate("INSERT INTO recommendations (user_id, product_id, rank) VALUES (?, ?, ?)", live);
        StagedLists staged = stage(tonight);

        // when
        PublishResult result;
        try (CapturedLog log = CapturedLog.of(RecommendationPublisher.class)) {
            result = publisher(LIVE).publish(RUN, 30_000, staged);

            assertThat(log.lines().get(0)).matches("INFO Compared the 30000 live rows with the 30000 staged in memory"
                    + " in \\d{1,5} ms: 18000 unchanged, 12000 gone, 12000 new");
            assertThat(log.lines().get(1)).contains("(one transaction, changed rows only; 18000 unchanged,"
                    + " 12000 removed, 12000 inserted;");
        }

        // then
        assertThat(result).isEqualTo(new PublishResult(RUN, 12_000, 30_000, 18_000, 3_000L));
        assertThat(liveRows(db.jdbc)).isEqualTo(stagedRows());
    }
}
