package com.beershop.reco.publish;

import com.beershop.reco.schema.DatabaseDialect;
import com.beershop.reco.schema.DatabaseVendor;
import com.beershop.reco.testing.CapturedLog;
import com.beershop.reco.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL Server's collation rule, as the publish meets it: every character column has a collation of its own, and two
 * columns whose collations differ cannot be compared (Msg 468, "Cannot resolve the collation conflict between ... in
 * the equal to operation": learn.microsoft.com/sql/t-sql/statements/collation-precedence-transact-sql). Where the
 * live table's id columns and reco_staging's differ, the publish replaces every row instead of comparing them. No
 * SQL Server runs here: the real {@code SqlServerDialect} query runs on H2 against stand-ins for {@code sys.columns}
 * and {@code OBJECT_ID}, which answer the collations a test chooses. Public: H2 calls the stand-in.
 */
public class SqlServerCollationConflictTest {

    private static final String DATABASE_DEFAULT = "SQL_Latin1_General_CP1_CI_AS";

    private MigratedDatabase db;
    private List<String> yesterday;

    /** OBJECT_ID(name): any number that is the same for the same table. */
    public static int objectId(String name) {
        return name.toLowerCase(Locale.ROOT).hashCode();
    }

    @BeforeEach
    void tonightsRowsAlreadyLive() {
        db = MigratedDatabase.h2();
        RecommendationPublisherTest.yesterdayLiveAndTonightStaged(db);
        db.jdbc.update("DELETE FROM recommendations");
        db.jdbc.update("INSERT INTO recommendations (user_id, product_id, rank)"
                + " SELECT user_id, product_id, item_rank FROM reco_staging WHERE run_id = ?", RecommendationPublisherTest.RUN);
        yesterday = RecommendationPublisherTest.liveRows(db.jdbc);
        db.jdbc.execute("CREATE SCHEMA sys");
        db.jdbc.execute("CREATE TABLE sys.columns (object_id INT, name VARCHAR(128), collation_name VARCHAR(128))");
        db.jdbc.execute("CREATE ALIAS OBJECT_ID FOR '" + SqlServerCollationConflictTest.class.getName() + ".objectId'");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private void collations(String liveUser, String liveProduct, String stagedUser, String stagedProduct) {
        for (Object[] column : List.of(new Object[]{"recommendations", "user_id", liveUser},
                new Object[]{"recommendations", "product_id", liveProduct},
                new Object[]{"reco_staging", "user_id", stagedUser},
                new Object[]{"reco_staging", "product_id", stagedProduct})) {
            db.jdbc.update("INSERT INTO sys.columns VALUES (?, ?, ?)", objectId((String) column[0]), column[1], column[2]);
        }
    }

    /** H2's statements, but SQL Server's question about collations, asked of the stand-ins. */
    private RecommendationPublisher publisher() {
        DatabaseDialect h2 = DatabaseVendor.H2.dialect();
        DatabaseDialect sqlServer = DatabaseVendor.SQLSERVER.dialect();
        DatabaseDialect standIn = (DatabaseDialect) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DatabaseDialect.class}, (proxy, method, args) ->
                        method.getName().equals("comparisonCollation") ? sqlServer.comparisonCollation()
                                : method.invoke(h2, args));
        PublishSession session = new PublishSession(db.jdbc, Duration.ofSeconds(5), false) {
            @Override
            DatabaseDialect dialect() {
                return standIn;
            }
        };
        return new RecommendationPublisher(db.jdbc, db.transactions, RecommendationPublisherTest.LIVE, session, () -> { });
    }

    @Test
    void shouldReplaceEveryRowWhereTheLiveUserIdsCollationDiffersFromTheStagedOnes() {
        // given: a live table made in a database of another default collation than the job's tables
        collations("Latin1_General_100_CI_AS_SC", DATABASE_DEFAULT, DATABASE_DEFAULT, DATABASE_DEFAULT);

        // when
        PublishResult result;
        List<String> lines;
        try (CapturedLog log = CapturedLog.of(RecommendationPublisher.class)) {
            result = publisher().publish(RecommendationPublisherTest.RUN, 6);
            lines = log.lines();
        }

        // then: not compared, so not one of the 6 rows counts as unchanged, though all are
        assertThat(lines.get(0)).isEqualTo("INFO Publishing every row of run 5 to recommendations, not only the"
                + " changed ones: recommendations.user_id (Latin1_General_100_CI_AS_SC) and reco_staging.user_id"
                + " (SQL_Latin1_General_CP1_CI_AS) differ in collation, so they cannot be compared");
        assertThat(lines.get(1)).contains("(one transaction, full replace: recommendations.user_id");
        assertThat(result).isEqualTo(new PublishResult(RecommendationPublisherTest.RUN, 6, 6, 0));
        assertThat(RecommendationPublisherTest.liveRows(db.jdbc)).isEqualTo(yesterday);
    }

    @Test
    void shouldNameEveryPairOfColumnsWhoseCollationsDiffer() {
        collations("Latin1_General_BIN2", "Latin1_General_BIN2", DATABASE_DEFAULT, DATABASE_DEFAULT);

        try (CapturedLog log = CapturedLog.of(RecommendationPublisher.class)) {
            publisher().publish(RecommendationPublisherTest.RUN, 6);

            assertThat(log.lines().get(0)).endsWith(": recommendations.user_id (Latin1_General_BIN2) and"
                    + " reco_staging.user_id (SQL_Latin1_General_CP1_CI_AS), recommendations.product_id"
                    + " (Latin1_General_BIN2) and reco_staging.product_id (SQL_Latin1_General_CP1_CI_AS) differ in"
                    + " collation, so they cannot be compared");
        }
    }

    @Test
    void shouldCompareAndWriteNothingWhereTheCollationsAgree() {
        collations(DATABASE_DEFAULT, DATABASE_DEFAULT, DATABASE_DEFAULT, DATABASE_DEFAULT);

        PublishResult result;
        try (CapturedLog log = CapturedLog.of(RecommendationPublisher.class)) {
            result = publisher().publish(RecommendationPublisherTest.RUN, 6);

            assertThat(log.lines()).singleElement().asString().contains("(one transaction, changed rows only;");
        }

        assertThat(result).isEqualTo(new PublishResult(RecommendationPublisherTest.RUN, 0, 6, 6));
        assertThat(RecommendationPublisherTest.liveRows(db.jdbc)).isEqualTo(yesterday);
    }
}
