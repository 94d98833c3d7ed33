package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer ids, ratings and recommendations reach the INFO log only when reco.job.log-example-user asks. */
@ExtendWith(OutputCaptureExtension.class)
class ExampleUserInLogsTest {

    private TestDatabase db;
    private List<String> activeUsers;

    @BeforeEach
    void freshDatabaseWithRatings() throws Exception {
        db = TestDatabase.h2();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
        activeUsers = db.jdbc.queryForList(
                "SELECT user_id FROM ratings GROUP BY user_id ORDER BY COUNT(*) DESC, user_id", String.class).subList(0, 20);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldKeepCustomerDataOutOfEveryInfoLineWhenNotAskedFor(CapturedOutput output) {
        // when: everything of ours at INFO, the example user switched off
        int exit = db.run("run", "--reco.job.log-example-user=false", "--logging.level.com.beershop.reco=INFO");

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        String log = output.getOut();
        assertThat(log).contains("=== beer-reco-batch run").doesNotContain("example:", "is recommended");
        for (String user : activeUsers) {
            assertThat(Pattern.compile("\\b" + Pattern.quote(user) + "\\b").matcher(log).find()).as(user).isFalse();
        }
    }

    @Test
    void shouldPrintTheMostActiveUsersRatingsAndRecommendationsWhenAsked(CapturedOutput output) {
        // when
        int exit = db.run("run", "--reco.job.log-example-user=true");

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(output.getOut()).contains("example: user " + activeUsers.get(0) + " rated").contains("is recommended");
    }
}
