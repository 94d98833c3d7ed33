package com.beershop.reco.publish;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A login that lacks a grant meets the same refusal on every retry: the publish refuses as an unfit database (exit
 * 9), names the grant, and publishes nothing. Any other failure of the statements stays what it is (exit 5).
 * On H2 with a login of its own.
 */
class PublishWithoutGrantsTest {

    private final MigratedDatabase db = MigratedDatabase.h2();

    @AfterEach
    void drop() {
        db.close();
    }

    private RecommendationPublisher publisherAs(String user, RecommendationsTable table) {
        // DB_CLOSE_DELAY is a database setting that only an admin may give when connecting
        DriverManagerDataSource login = new DriverManagerDataSource(db.url.replace(";DB_CLOSE_DELAY=-1", ""), user,
                user.equals("sa") ? "" : "pw");
        JdbcTemplate jdbc = new JdbcTemplate(login);
        return new RecommendationPublisher(jdbc, new DataSourceTransactionManager(login), table,
                new PublishSession(jdbc, Duration.ofSeconds(5), false), () -> { });
    }

    private void login(String user, String... grants) {
        db.jdbc.execute("CREATE USER " + user + " PASSWORD 'pw'");
        for (String grant : grants) {
            db.jdbc.execute("GRANT " + grant + " TO " + user);
        }
    }

    @Test
    void shouldRefuseAsAnUnfitDatabaseNamingTheMissingDeleteGrant() {
        RecommendationPublisherTest.yesterdayLiveAndTonightStaged(db);
        List<String> yesterday = RecommendationPublisherTest.liveRows(db.jdbc);
        login("publisher", "SELECT ON recommendations", "SELECT ON reco_staging");

        RunRefusedException refused = catchThrowableOfType(RunRefusedException.class,
                () -> publisherAs("publisher", RecommendationPublisherTest.LIVE)
                        .publish(RecommendationPublisherTest.RUN, 6));

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(refused.getMessage()).startsWith("the login PUBLISHER lacks DELETE on recommendations (or SELECT on it or on reco_staging): ")
                .contains("RECOMMENDATIONS").doesNotContain("SQL statement").endsWith(". Nothing was published");
        assertThat(RecommendationPublisherTest.liveRows(db.jdbc)).isEqualTo(yesterday);
    }

    @Test
    void shouldRefuseAsAnUnfitDatabaseNamingTheMissingInsertGrantAndRollBackTheDelete() {
        RecommendationPublisherTest.yesterdayLiveAndTonightStaged(db);
        List<String> yesterday = RecommendationPublisherTest.liveRows(db.jdbc);
        login("publisher", "SELECT, DELETE ON recommendations", "SELECT ON reco_staging");

        RunRefusedException refused = catchThrowableOfType(RunRefusedException.class,
                () -> publisherAs("publisher", RecommendationPublisherTest.LIVE)
                        .publish(RecommendationPublisherTest.RUN, 6));

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(refused.getMessage())
                .startsWith("the login PUBLISHER lacks INSERT on recommendations (or SELECT on reco_staging): ");
        assertThat(RecommendationPublisherTest.liveRows(db.jdbc)).isEqualTo(yesterday);
    }

    @Test
    void shouldLeaveAFailureThatIsNoMissingGrantAsTheDataAccessFailureItIs() {
        RecommendationPublisherTest.yesterdayLiveAndTonightStaged(db);
        List<String> yesterday = RecommendationPublisherTest.liveRows(db.jdbc);
        RecommendationsTable wrongColumn = new RecommendationsTable("recommendations", "user_id", "product_id",
                "position");

        DataAccessException failure = catchThrowableOfType(DataAccessException.class,
                () -> publisherAs("sa", wrongColumn).publish(RecommendationPublisherTest.RUN, 6));

        assertThat(failure.getMostSpecificCause().getMessage()).containsIgnoringCase("position");
        assertThat(RecommendationPublisherTest.liveRows(db.jdbc)).as("the DELETE rolled back").isEqualTo(yesterday);
    }
}
