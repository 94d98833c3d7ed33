package com.beershop.reco.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.beershop.reco.model.InteractionMatrix;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The ratings load on a real database: several readers over user-id ranges collect exactly what one reader collects
 * (every row once, NULL ids included), and on PostgreSQL every reader sees the coordinator's exported snapshot.
 */
class ParallelRatingsLoaderTest {

    private static final RatingsQuery QUERY = new RatingsQuery("ratings", "user_id", "product_id", "rating", "rated_at");
    private static final RatingValidator VALIDATOR = new RatingValidator(BigDecimal.ONE, new BigDecimal("5"), 64);
    private static final ReadPlan FOUR_READERS = new ReadPlan(4, ReadConsistency.REPEATABLE_READ_PER_READER, "", "?",
            Optional.empty(), id -> {
                throw new IllegalStateException("H2 imports no snapshot");
            });

    @Test
    void shouldCollectWithFourReadersExactlyWhatOneReaderCollectsNullIdsAndDuplicatesIncluded() throws Exception {
        try (H2 db = new H2()) {
            db.insert(shopRows());

            RatingsCollector one = db.load(ReadPlan.singleReader());
            RatingsCollector four = db.load(FOUR_READERS);

            assertThat(one.acceptedCount()).isEqualTo(241);
            assertThat(one.rejectedByReason()).isEqualTo(Map.of(RejectReason.MISSING_USER_ID, 2L,
                    RejectReason.RATING_OUT_OF_SCALE, 1L));
            assertThat(one.duplicates()).isEqualTo(1);
            assertThat(four.acceptedCount()).isEqualTo(one.acceptedCount());
            assertThat(four.rejectedByReason()).isEqualTo(one.rejectedByReason());
            assertThat(four.duplicates()).isEqualTo(one.duplicates());
            assertThat(four.fingerprint()).isEqualTo(one.fingerprint());
            assertSameMatrix(four.matrix(), one.matrix());
        }
    }

    @Test
    void shouldKeepTheLaterOfTwoRatingsOfOnePairAndTheTimeOfEachRating() throws Exception {
        try (H2 db = new H2()) {
            db.insert(List.of(
                    new Object[] {"alice", "ipa", new BigDecimal("2"), Timestamp.valueOf("2026-03-01 10:00:00")},
                    new Object[] {"alice", "ipa", new BigDecimal("5"), Timestamp.valueOf("2026-03-02 10:00:00")},
                    new Object[] {"alice", "stout", new BigDecimal("3.5"), null},
                    new Object[] {"bob", "ipa", new BigDecimal("4"), Timestamp.valueOf("2026-03-01 10:01:00")}));

            for (ReadPlan plan : List.of(ReadPlan.singleReader(), FOUR_READERS)) {
                InteractionMatrix matrix = db.load(plan).matrix();

                // users alice, bob; products ipa, stout
                assertThat(matrix.numRatings()).isEqualTo(3);
                assertThat(matrix.valueAt(matrix.rowStart(0))).as("the later rating").isEqualTo(5f);
                assertThat(matrix.valueAt(matrix.rowStart(0) + 1)).isEqualTo(3.5f);
                assertThat(matrix.timeAt(matrix.rowStart(1)) - matrix.timeAt(matrix.rowStart(0)))
                        .as("bob rated a day less 23 h 59 min earlier").isEqualTo(-(24 * 60 - 1));
                assertThat(matrix.timeAt(matrix.rowStart(0) + 1)).as("no time: the oldest")
                        .isLessThan(matrix.timeAt(matrix.rowStart(0)));
            }
        }
    }

    @Test
    void shouldReadWithOneConnectionWhenThePlanAsksForOneReaderWhateverItsConsistency() {
        ReadPlan one = new ReadPlan(1, ReadConsistency.REPEATABLE_READ_PER_READER, "", "?", Optional.empty(),
                id -> id);
        ReadPlan single = new ReadPlan(4, ReadConsistency.SINGLE_READER, "", "?", Optional.empty(), id -> id);

        assertThat(one.parallel()).isFalse();
        assertThat(single.parallel()).isFalse();
        assertThat(FOUR_READERS.parallel()).isTrue();
        assertThatThrownBy(() -> ReadPlan.singleReader().importSnapshot().apply("00000003-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseAnExportedSnapshotPlanOnADatabaseThatExportsNone() throws Exception {
        try (H2 db = new H2()) {
            db.insert(shopRows());
            ReadPlan noExport = new ReadPlan(2, ReadConsistency.EXPORTED_SNAPSHOT, "", "?", Optional.empty(),
                    id -> id);

            assertThatThrownBy(() -> db.load(noExport)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exports no snapshot");
        }
    }

    @Test
    void shouldPassOnAReadersSqlExceptionAsItIs() throws Exception {
        try (H2 db = new H2()) {
            db.insert(shopRows());
            ParallelRatingsLoader wrongColumn = new ParallelRatingsLoader(db.dataSource,
                    new RatingsQuery("ratings", "user_id", "product_id", "stars", "rated_at"), VALIDATOR, 100);

            assertThatThrownBy(() -> wrongColumn.load(new RatingsCollector(), FOUR_READERS))
                    .isInstanceOf(SQLException.class).hasMessageContaining("STARS");
            assertThatThrownBy(() -> wrongColumn.load(new RatingsCollector(), ReadPlan.singleReader()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("STARS");
        }
    }

    @Test
    void shouldLogEveryReadersLinesWithTheRunsLogContext() throws Exception {
        Logger collectorLog = (Logger) LoggerFactory.getLogger(RatingsCollector.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        collectorLog.addAppender(lines);
        MDC.put("jobExecutionId", "42");
        try (H2 db = new H2()) {
            db.insert(shopRows());

            db.load(FOUR_READERS);

            // the out-of-scale rating and the NULL ids lie in different ranges, so different readers warn
            assertThat(lines.list).hasSize(3).allSatisfy(line -> {
                assertThat(line.getThreadName()).startsWith("ratings-reader-");
                assertThat(line.getMDCPropertyMap()).containsEntry("jobExecutionId", "42");
            });
            MDC.clear();
            lines.list.clear();
            db.load(FOUR_READERS);
            assertThat(lines.list).as("no context to carry: none made up").hasSize(3)
                    .allSatisfy(line -> assertThat(line.getMDCPropertyMap()).isEmpty());
        } finally {
            MDC.clear();
            collectorLog.detachAppender(lines);
        }
    }

    @Test
    void shouldLogHowManyRowsEachLoadReadAndWithHowManyReaders() throws Exception {
        Logger loaderLog = (Logger) LoggerFactory.getLogger(ParallelRatingsLoader.class);
        ch.qos.logback.classic.Level level = loaderLog.getLevel();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        loaderLog.addAppender(lines);
        loaderLog.setLevel(ch.qos.logback.classic.Level.INFO);
        try (H2 db = new H2()) {
            db.insert(shopRows());

            db.load(ReadPlan.singleReader());
            db.load(FOUR_READERS);

            // 244 rows in batches of the fetch size (7): no progress line below a million
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    "Read 244 ratings with one reader (3 rejected)",
                    "Read 244 ratings with 4 readers (REPEATABLE_READ_PER_READER, 3 rejected)");
        } finally {
            loaderLog.setLevel(level);
            loaderLog.detachAppender(lines);
        }
    }

    @Test
    void shouldTakeRangeBoundariesFromTheSampleWhenItHoldsEnoughDistinctIdsElseFromEveryId() throws Exception {
        try (H2 db = new H2()) {
            db.insert(shopRows());
            // H2 parses no TABLESAMPLE: the clause is appended to the table's name, so a second table stands in
            db.jdbc.execute("CREATE TABLE ratings_sample AS SELECT * FROM ratings WHERE user_id IN ('u10', 'u20',"
                    + " 'u30', 'u40')");
            try (Connection connection = db.dataSource.getConnection()) {
                List<UserRanges.Range> sampled = UserRanges.of(connection, "ratings", "user_id", 4, "_sample", "?");
                List<UserRanges.Range> tooFew = UserRanges.of(connection, "ratings", "user_id", 5, "_sample", "?");
                List<UserRanges.Range> exact = UserRanges.of(connection, "ratings", "user_id", 4, "", "?");

                assertThat(sampled).extracting(UserRanges.Range::bounds).containsExactly(List.of("u20"),
                        List.of("u20", "u30"), List.of("u30", "u40"), List.of("u40"));
                // 60 ids u00..u59 in five tiles of 12: u00, u12, u24, u36, u48
                assertThat(tooFew).extracting(UserRanges.Range::bounds).containsExactly(List.of("u12"),
                        List.of("u12", "u24"), List.of("u24", "u36"), List.of("u36", "u48"), List.of("u48"));
                assertThat(exact).extracting(UserRanges.Range::bounds).containsExactly(List.of("u15"),
                        List.of("u15", "u30"), List.of("u30", "u45"), List.of("u45"));
            }
        }
    }

    @Test
    void shouldLetEveryReaderSeeTheCoordinatorsSnapshotOnPostgres() throws Exception {
        try (Postgres db = new Postgres()) {
            db.insert(shopRows());
            RatingsCollector one = db.load(ReadPlan.singleReader());
            List<Object[]> late = List.of(new Object[] {"u05", "p_late", new BigDecimal("5"), null},
                    new Object[] {"u55", "p_late", new BigDecimal("5"), null});
            // the rows commit after the coordinator exported its snapshot and before any reader starts
            ReadPlan snapshot = new ReadPlan(3, ReadConsistency.EXPORTED_SNAPSHOT, "", "?",
                    Optional.of("SELECT pg_export_snapshot()"), id -> {
                        db.insert(late);
                        return "SET TRANSACTION SNAPSHOT '" + id + "'";
                    });

            RatingsCollector three = db.load(snapshot);

            assertThat(three.acceptedCount()).as("the late rows are not in the snapshot").isEqualTo(241);
            assertThat(three.fingerprint()).isEqualTo(one.fingerprint());
            assertSameMatrix(three.matrix(), one.matrix());
            assertThat(db.load(ReadPlan.singleReader()).acceptedCount()).as("but they are in the table")
                    .isEqualTo(243);
        }
    }

    /**
     * {@code rated_at} is a wall-clock time without a zone, and is read as stored: at 02:30 on 29 March 2026 the
     * clocks of Berlin jump from 02:00 to 03:00, and a read through {@link java.sql.Timestamp} in the JVM's zone
     * turned that time into 03:30, an hour after a rating made at 01:30 instead of one.
     */
    @Test
    void shouldReadEachRatingsTimeAsStoredWhateverTheJvmsTimeZone() throws Exception {
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try (H2 h2 = new H2(); Postgres postgres = new Postgres()) {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Berlin"));
            for (Database db : List.of(h2, postgres)) {
                db.jdbc.execute("INSERT INTO ratings (user_id, product_id, rating, rated_at) VALUES"
                        + " ('alice', 'ipa', 4, TIMESTAMP '2026-03-29 01:30:00'),"
                        + " ('bob', 'ipa', 4, TIMESTAMP '2026-03-29 02:30:00')");

                InteractionMatrix matrix = db.load(ReadPlan.singleReader()).matrix();

                assertThat(matrix.timeAt(matrix.rowStart(1)) - matrix.timeAt(matrix.rowStart(0)))
                        .as("bob rated an hour after alice").isEqualTo(60);
            }
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
    }

    /**
     * PostgreSQL's ratings arrive over binary COPY by default: what it collects must be exactly what a JDBC result
     * set collects, for ids, times and ratings a byte-level reader could get wrong. With more readers than users,
     * every user id is a range bound, quotes and backslashes included, and COPY takes the bounds as literals.
     */
    @Test
    void shouldCollectOverBinaryCopyExactlyWhatAResultSetCollectsWhateverTheIdsTimesAndRatings() throws Exception {
        try (Postgres db = new Postgres()) {
            // wider than the validator's 64 chars, to hold the over-long ids it rejects
            db.jdbc.execute("ALTER TABLE ratings ALTER COLUMN user_id TYPE VARCHAR(200),"
                    + " ALTER COLUMN product_id TYPE VARCHAR(200)");
            db.insert(awkwardRows());
            ReadPlan everyIdABound = new ReadPlan(30, ReadConsistency.EXPORTED_SNAPSHOT, "", "?",
                    Optional.of("SELECT pg_export_snapshot()"), id -> "SET TRANSACTION SNAPSHOT '" + id + "'");

            for (IdPolicy policy : List.of(IdPolicy.EXACT, IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES)) {
                RatingsCollector resultSet = db.load(ReadPlan.singleReader(), policy, false);
                for (ReadPlan plan : List.of(ReadPlan.singleReader(), everyIdABound)) {
                    RatingsCollector copied = db.load(plan, policy, true);

                    assertThat(copied.acceptedCount()).as(policy + ", " + plan.readers()).isEqualTo(
                            resultSet.acceptedCount());
                    assertThat(copied.rejectedByReason()).isEqualTo(resultSet.rejectedByReason());
                    assertThat(copied.duplicates()).isEqualTo(resultSet.duplicates());
                    assertThat(copied.fingerprint()).isEqualTo(resultSet.fingerprint());
                    assertSameMatrix(copied.matrix(), resultSet.matrix());
                    assertSameIds(copied, resultSet);
                }
            }
            RatingsCollector exact = db.load(everyIdABound, IdPolicy.EXACT, true);
            assertThat(exact.rejectedByReason()).isEqualTo(Map.of(RejectReason.MISSING_USER_ID, 3L,
                    RejectReason.MISSING_PRODUCT_ID, 1L, RejectReason.USER_ID_TOO_LONG, 1L,
                    RejectReason.PRODUCT_ID_TOO_LONG, 1L, RejectReason.MISSING_RATING, 1L,
                    RejectReason.RATING_OUT_OF_SCALE, 3L));
            assertThat(exact.acceptedCount()).isEqualTo(14);
            assertThat(exact.matrix().numUsers()).isEqualTo(12);
        }
    }

    /**
     * A shop's table may number its users and rate in whole stars: COPY casts each column to what it decodes
     * (varchar, numeric, timestamp), and the range bounds, written as literals, compare as numbers. A table that keeps
     * only the day, which the driver cannot read as a date-time, is read over COPY as each day's midnight.
     */
    @Test
    void shouldReadOtherColumnTypesOverBinaryCopyAsAResultSetReadsThem() throws Exception {
        try (Postgres db = new Postgres()) {
            db.jdbc.execute("DROP TABLE ratings");
            db.jdbc.execute("CREATE TABLE ratings (user_id BIGINT, product_id VARCHAR(64), rating SMALLINT,"
                    + " rated_at TIMESTAMP)");
            List<Object[]> rows = new ArrayList<>();
            for (int u = 1; u <= 120; u++) {
                for (int k = 0; k < 3; k++) {
                    rows.add(new Object[] {(long) u, "p" + ((u * 7 + k) % 11), (short) (1 + (u + k) % 6),
                            Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 0, 0).plusDays(u + k))});
                }
            }
            db.jdbc.batchUpdate("INSERT INTO ratings (user_id, product_id, rating, rated_at) VALUES (?, ?, ?, ?)", rows);
            // 9 < 10 as numbers, not as text: ranges compared as text would split the users elsewhere
            ReadPlan four = new ReadPlan(4, ReadConsistency.EXPORTED_SNAPSHOT, "", "?",
                    Optional.of("SELECT pg_export_snapshot()"), id -> "SET TRANSACTION SNAPSHOT '" + id + "'");

            RatingsCollector resultSet = db.load(ReadPlan.singleReader(), IdPolicy.EXACT, false);
            for (ReadPlan plan : List.of(ReadPlan.singleReader(), four)) {
                RatingsCollector copied = db.load(plan, IdPolicy.EXACT, true);

                assertThat(copied.acceptedCount()).isEqualTo(resultSet.acceptedCount()).isEqualTo(300);
                assertThat(copied.rejectedByReason()).isEqualTo(resultSet.rejectedByReason())
                        .isEqualTo(Map.of(RejectReason.RATING_OUT_OF_SCALE, 60L));
                assertThat(copied.fingerprint()).isEqualTo(resultSet.fingerprint());
                assertSameMatrix(copied.matrix(), resultSet.matrix());
                assertSameIds(copied, resultSet);
            }
            db.jdbc.execute("ALTER TABLE ratings ALTER COLUMN rated_at TYPE DATE");
            assertThatThrownBy(() -> db.load(ReadPlan.singleReader(), IdPolicy.EXACT, false))
                    .hasMessageContaining("DATE");
            assertSameMatrix(db.load(four, IdPolicy.EXACT, true).matrix(), resultSet.matrix());
        }
    }

    /** A JDBC read of a NaN rating fails in the driver; over COPY it is a rating off the scale, counted as such. */
    @Test
    void shouldRejectANotANumberRatingAsOffTheScaleOverBinaryCopy() throws Exception {
        try (Postgres db = new Postgres()) {
            db.insert(shopRows());
            db.jdbc.execute("INSERT INTO ratings (user_id, product_id, rating) VALUES ('u01', 'p9', 'NaN')");

            RatingsCollector copied = db.load(ReadPlan.singleReader(), IdPolicy.EXACT, true);

            assertThat(copied.rejectedByReason()).containsEntry(RejectReason.RATING_OUT_OF_SCALE, 2L);
            assertThat(copied.acceptedCount()).isEqualTo(241);
        }
    }

    /** A COPY is no Statement, so the pool's query timeout would not reach it: it must still end the read. */
    @Test
    void shouldCancelABinaryCopyThatRunsPastTheQueryTimeout() throws Exception {
        try (Postgres db = new Postgres()) {
            db.insert(shopRows());
            db.jdbc.execute("CREATE VIEW slow_ratings AS SELECT r.* FROM ratings r, pg_sleep(5) s");
            ParallelRatingsLoader slow = new ParallelRatingsLoader(
                    new com.beershop.reco.schema.QueryTimeoutDataSource(db.dataSource, java.time.Duration.ofSeconds(1)),
                    new RatingsQuery("slow_ratings", "user_id", "product_id", "rating", "rated_at"), VALIDATOR, 7);

            long start = System.nanoTime();
            assertThatThrownBy(() -> slow.load(new RatingsCollector(), ReadPlan.singleReader()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("statement timeout");
            assertThat((System.nanoTime() - start) / 1e9).as("seconds: cancelled, not slept out").isLessThan(4.5);
        }
    }

    /**
     * Ids and values a byte-level read could get wrong: non-ASCII ids (2- and 4-byte UTF-8, longer in bytes than the
     * id limit but not in chars), case and trailing spaces, blank and control-character ids, over-long ids, ratings
     * at and beyond the scale's ends in other scales, and times before 2000 and 1970 with microseconds; user ids
     * with a quote and a backslash; ASCII ids longer than any short id before them (a UUID).
     */
    private static List<Object[]> awkwardRows() {
        List<Object[]> rows = new ArrayList<>();
        String[] users = {"a'1", "a'2", "o'b\\1", "o'b\\2", "zz1", "ZZ1 "};
        Timestamp[] times = {Timestamp.valueOf("1999-12-31 23:59:59.9995"), Timestamp.valueOf("1969-12-31 23:59:59.9995"),
                Timestamp.valueOf("2026-02-28 12:00:00.000001"), null};
        for (int u = 0; u < users.length; u++) {
            rows.add(new Object[] {users[u], "p" + u, new BigDecimal("4.50"), times[u % times.length]});
        }
        rows.add(new Object[] {"0f8fad5b-d9cb-469f-a165-70867728950e-x", "p-0f8fad5b-d9cb-469f-a165-70867728950e",
                new BigDecimal("4"), times[2]});
        rows.add(new Object[] {"ü1", "bière", new BigDecimal("1"), times[0]});
        rows.add(new Object[] {"\uD835\uDD18", "p1", new BigDecimal("5.00"), times[1]});
        rows.add(new Object[] {"é".repeat(40), "p2", new BigDecimal("3.25"), times[2]});
        rows.add(new Object[] {"\u0001", "p3", new BigDecimal("2"), null});
        rows.add(new Object[] {"", "p3", new BigDecimal("2"), null});
        rows.add(new Object[] {"ZZ1", "P1", new BigDecimal("2.5"), times[3]});
        rows.add(new Object[] {"zz1", "p1 ", new BigDecimal("3.5"), times[3]});
        rows.add(new Object[] {"zz1", "P1", new BigDecimal("2.75"), times[2]});
        rows.add(new Object[] {"   ", "p1", new BigDecimal("3"), null});
        rows.add(new Object[] {"\t", "p1", new BigDecimal("3"), null});
        rows.add(new Object[] {"u01", " ", new BigDecimal("3"), null});
        rows.add(new Object[] {"x".repeat(65), "p1", new BigDecimal("3"), null});
        rows.add(new Object[] {"u01", "ß".repeat(65), new BigDecimal("3"), null});
        rows.add(new Object[] {"u01", "p4", null, null});
        rows.add(new Object[] {"u02", "p4", new BigDecimal("0.99"), null});
        rows.add(new Object[] {"u02", "p5", new BigDecimal("5.01"), null});
        rows.add(new Object[] {"u02", "p6", new BigDecimal("-3"), null});
        return rows;
    }

    private static void assertSameIds(RatingsCollector actual, RatingsCollector expected) {
        ProductCatalog none = new ProductCatalog(List.of());
        TrainingData a = actual.toTrainingData(none);
        TrainingData e = expected.toTrainingData(none);
        assertThat(a.users().size()).isEqualTo(e.users().size());
        assertThat(a.products().size()).isEqualTo(e.products().size());
        for (int u = 0; u < e.users().size(); u++) {
            assertThat(a.users().idAt(u)).isEqualTo(e.users().idAt(u));
        }
        for (int p = 0; p < e.products().size(); p++) {
            assertThat(a.products().idAt(p)).isEqualTo(e.products().idAt(p));
        }
    }

    /**
     * 60 users u00..u59 rate 4 of 10 products each; u07 rates p1 a second time, later; two rows have no user id
     * and one rating is out of scale.
     */
    private static List<Object[]> shopRows() {
        List<Object[]> rows = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        for (int u = 0; u < 60; u++) {
            for (int k = 0; k < 4; k++) {
                int product = (u * 3 + k * 7) % 10;
                rows.add(new Object[] {String.format("u%02d", u), "p" + product,
                        new BigDecimal(1 + (u + k) % 5), Timestamp.valueOf(start.plusMinutes(u * 10L + k))});
            }
        }
        rows.add(new Object[] {"u07", "p1", new BigDecimal("4.5"), Timestamp.valueOf(start.plusDays(30))});
        rows.add(new Object[] {null, "p1", new BigDecimal("3"), null});
        rows.add(new Object[] {null, "p2", new BigDecimal("3"), null});
        rows.add(new Object[] {"u33", "p2", new BigDecimal("7"), null});
        return rows;
    }

    private static void assertSameMatrix(InteractionMatrix actual, InteractionMatrix expected) {
        assertThat(actual.numUsers()).isEqualTo(expected.numUsers());
        assertThat(actual.numItems()).isEqualTo(expected.numItems());
        assertThat(actual.numRatings()).isEqualTo(expected.numRatings());
        for (int u = 0; u < expected.numUsers(); u++) {
            assertThat(actual.rowStart(u)).isEqualTo(expected.rowStart(u));
        }
        for (int k = 0; k < expected.numRatings(); k++) {
            assertThat(actual.itemAt(k)).isEqualTo(expected.itemAt(k));
            assertThat(actual.valueAt(k)).isEqualTo(expected.valueAt(k));
            assertThat(actual.timeAt(k)).isEqualTo(expected.timeAt(k));
        }
    }

    /** A ratings table in a database of its own. */
    private abstract static class Database implements AutoCloseable {
        final DriverManagerDataSource dataSource;
        final JdbcTemplate jdbc;

        Database(String url, String user) {
            dataSource = new DriverManagerDataSource(url, user, "");
            jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("CREATE TABLE ratings (user_id VARCHAR(64) NULL, product_id VARCHAR(64) NULL,"
                    + " rating DECIMAL(4,2) NULL, rated_at TIMESTAMP NULL)");
        }

        void insert(List<Object[]> rows) {
            jdbc.batchUpdate("INSERT INTO ratings (user_id, product_id, rating, rated_at) VALUES (?, ?, ?, ?)", rows);
        }

        RatingsCollector load(ReadPlan plan) throws SQLException {
            RatingsCollector collector = new RatingsCollector();
            new ParallelRatingsLoader(dataSource, QUERY, VALIDATOR, 7).load(collector, plan);
            return collector;
        }

        RatingsCollector load(ReadPlan plan, IdPolicy policy, boolean bulkRead) throws SQLException {
            RatingsCollector collector = new RatingsCollector(policy);
            new ParallelRatingsLoader(dataSource, QUERY, VALIDATOR, 7, bulkRead).load(collector, plan);
            return collector;
        }
    }

    private static final class H2 extends Database {
        H2() {
            super("jdbc:h2:mem:ratings_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", "sa");
        }

        @Override
        public void close() {
            jdbc.execute("SHUTDOWN");
        }
    }

    private static final class Postgres extends Database {
        private static final JdbcTemplate ADMIN = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""));
        private final String name;

        Postgres() {
            this(create("ratings_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
        }

        private Postgres(String name) {
            super("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres");
            this.name = name;
        }

        private static String create(String name) {
            ADMIN.execute("CREATE DATABASE " + name);
            return name;
        }

        @Override
        public void close() {
            ADMIN.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
