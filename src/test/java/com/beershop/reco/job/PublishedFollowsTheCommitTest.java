package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the publish has committed the website serves tonight's lists: the run is published whatever fails after
 * it. The history row, the exit code (so the CronJob does not run the night again) and the next run's treatment of
 * the staged generation all follow the commit, not the job's status.
 */
class PublishedFollowsTheCommitTest {

    private TestDatabase db;

    @BeforeEach
    void shopWithRatings() throws Exception {
        db = TestDatabase.h2();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldRecordAndExitPublishedWhenTheStepMetadataUpdateFailsAfterTheCommit() {
        // when: the job repository fails right after the publish transaction committed
        int exit = db.run("run", "--spring.main.sources=" + MetadataFailsAfterPublishConfiguration.class.getName());

        // then: published, with exit code 0, although Spring Batch marks the step failed
        assertThat(exit).isEqualTo(ExitCodes.OK);
        long runId = db.count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        assertThat(db.jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, runId)).isEqualTo("FAILED");
        Map<String, Object> row = db.jdbc.queryForMap("SELECT * FROM reco_run_history WHERE job_execution_id = ?", runId);
        assertThat(row).containsEntry("OUTCOME", "PUBLISHED").containsEntry("PUBLISHED", true)
                .containsEntry("EXIT_CODE", ExitCodes.OK);
        assertThat((String) row.get("OUTCOME_REASON")).contains("published; afterwards", "connection lost after the publish");
        assertThat(((Number) row.get("ROWS_PUBLISHED")).longValue()).isEqualTo(db.count("SELECT COUNT(*) FROM recommendations"))
                .isPositive();

        // and the next run keeps that generation staged (it is live and can be republished), beside its own
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long next = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        List<Long> staged = db.jdbc.queryForList("SELECT DISTINCT run_id FROM reco_staging ORDER BY run_id", Long.class);
        assertThat(staged).containsExactly(runId, next);
    }
}
