package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.monitoring.JobExecutionMdc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production's log format (Boot's ECS structured logging, one JSON object per line): every line of a run, from
 * the job's start to the summary and the exit, names the job execution that the run-history row names.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunLogsCarryJobExecutionIdTest {

    private TestDatabase db;

    @BeforeEach
    void freshDatabaseWithRatings() throws Exception {
        db = TestDatabase.h2();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldTagEveryLineOfARunWithItsJobExecutionIdAndClearItAfterwards(CapturedOutput output) {
        // when
        int exit = db.run("run", "--logging.config=classpath:logback-structured.xml",
                "--logging.structured.format.console=ecs");

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        String executionId = String.valueOf(db.count("SELECT MAX(job_execution_id) FROM reco_run_history"));
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\n")) {
            if (line.startsWith("{\"@timestamp\"")) {
                lines.add(json.readTree(line));
            }
        }
        int first = 0;
        while (first < lines.size() && !lines.get(first).has(JobExecutionMdc.KEY)) {
            first++;
        }
        List<JsonNode> run = lines.subList(first, lines.size());
        assertThat(run).as("ECS lines from the job's start to the end of the mode").hasSizeGreaterThan(3)
                .allSatisfy(line -> assertThat(line.path(JobExecutionMdc.KEY).asString()).as(line.toString())
                        .isEqualTo(executionId));
        assertThat(run).anySatisfy(l -> assertThat(l.path("log").path("logger").asString()).endsWith("RunSummary"));
        assertThat(run).anySatisfy(l -> assertThat(l.path("message").asString()).contains("completed"));
        assertThat(MDC.get(JobExecutionMdc.KEY)).as("cleared when the mode is over").isNull();
    }

    @Test
    void shouldTagTheLinesOfTheRatingsReaderThreadsWithTheJobExecutionId(CapturedOutput output) {
        // given: rows the readers reject, so each reader thread logs a sample line of its own
        List<Object[]> bad = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bad.add(new Object[]{String.format("U%05d", i * 5), "B001", new BigDecimal("9"), null});
        }
        db.insertRatings(bad);

        // when
        int exit = db.run("run", "--reco.input.readers=2", "--logging.config=classpath:logback-structured.xml",
                "--logging.structured.format.console=ecs");

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        String executionId = String.valueOf(db.count("SELECT MAX(job_execution_id) FROM reco_run_history"));
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> readerLines = output.getOut().lines().filter(line -> line.startsWith("{\"@timestamp\""))
                .map(json::readTree)
                .filter(line -> line.path("process").path("thread").path("name").asString().startsWith("ratings-reader-"))
                .toList();
        assertThat(readerLines).as("lines logged by the reader threads").isNotEmpty()
                .allSatisfy(line -> assertThat(line.path(JobExecutionMdc.KEY).asString()).as(line.toString())
                        .isEqualTo(executionId));
    }
}
