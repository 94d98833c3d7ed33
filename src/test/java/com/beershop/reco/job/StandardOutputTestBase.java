package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.tracking.RunRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a script piping the jar reads: in {@code report}, {@code check} and {@code help} standard output carries the
 * result and nothing else, while every log line (Spring Boot's banner and startup, Flyway, HikariCP's shutdown) goes
 * to standard error in the configured format; the job's modes keep their logs on standard output for kubectl logs.
 * Each case starts the application's main in a JVM of its own with Boot's default logging and parses its standard
 * output alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StandardOutputTestBase {

    /** Strict: a second document or a log line after the JSON fails the parse. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final String STARTED = "Started BeerRecoApplication";
    private static final String POOL_CLOSED = "HikariPool-1 - Shutdown completed";

    private Path dir;
    private TestDatabase db;

    abstract TestDatabase createDatabase(Path dir);

    @BeforeAll
    void historyOfARunAndAnEvaluation(@TempDir Path folder) throws Exception {
        dir = folder;
        db = createDatabase(dir);
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        assertThat(db.run("evaluate", "--reco.evaluation.candidates=most-popular")).isEqualTo(ExitCodes.OK);
    }

    @AfterAll
    void dropDatabase() {
        db.close();
    }

    private ChildJvm.Ended jar(String mode, String... extra) throws Exception {
        return ChildJvm.run(dir, db.arguments(mode, extra));
    }

    /** The run history's ids, newest first (the case of the job's modes adds a run). */
    private List<Long> historyIds() {
        return db.jdbc.queryForList("SELECT id FROM reco_run_history ORDER BY id DESC", Long.class);
    }

    private static long firstNumber(String line) {
        return Long.parseLong(line.substring(0, line.indexOf(' ')));
    }

    @Test
    void shouldPrintOnlyTheJsonDocumentAndLogInEcsToStandardError() throws Exception {
        // when: production's log format
        ChildJvm.Ended report = jar("report", "--format=json", "--logging.structured.format.console=ecs");

        // then
        assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCodes.OK);
        JsonNode runs = JSON.readTree(report.out());
        assertThat(runs.valueStream().map(run -> run.path("id").asLong()).toList()).isEqualTo(historyIds());
        List<JsonNode> logLines = report.err().lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
        assertThat(logLines).as("every line on standard error is one ECS JSON object")
                .allSatisfy(line -> assertThat(line.path("ecs").path("version").asString()).isNotEmpty());
        assertThat(logLines.stream().map(line -> line.path("message").asString()))
                .anyMatch(message -> message.startsWith(STARTED)).anyMatch(message -> message.startsWith(POOL_CLOSED));
    }

    @Test
    void shouldPrintOnlyTheCsvWithItsHeaderAndSendEvenTheBannerToStandardError() throws Exception {
        // when
        ChildJvm.Ended report = jar("report", "--format=csv", "--spring.main.banner-mode=console");

        // then
        assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCodes.OK);
        List<List<String>> csv = ReportFormatsTest.parseCsv(report.out());
        assertThat(csv.get(0)).isEqualTo(Arrays.stream(RunRecord.class.getRecordComponents())
                .map(RecordComponent::getName).toList());
        assertThat(csv).hasSize(1 + historyIds().size())
                .allSatisfy(record -> assertThat(record).hasSameSizeAs(csv.get(0)));
        assertThat(csv.subList(1, csv.size()).stream().map(record -> Long.valueOf(record.get(0))).toList())
                .isEqualTo(historyIds());
        assertThat(report.err()).contains(":: Spring Boot ::", STARTED, POOL_CLOSED);
    }

    @Test
    void shouldPrintOnlyTheRunTableAndTheGenerationsTable() throws Exception {
        // when
        ChildJvm.Ended report = jar("report");

        // then: the title, the header, the rule and a line per run; a blank line; the newest run's online readout;
        // the same for the generations
        assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCodes.OK);
        List<Long> ids = historyIds();
        List<String> lines = report.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Last " + ids.size() + " run-history rows (newest first):");
        assertThat(lines.get(1)).startsWith("id ");
        assertThat(lines.get(2)).matches("-+( \\| -+)+");
        int blank = 3 + ids.size();
        assertThat(lines.subList(3, blank)).extracting(StandardOutputTestBase::firstNumber).isEqualTo(ids);
        assertThat(lines.get(blank)).isEmpty();
        // the newest run's online readout (its title, then its table or "none: ..."), then a blank line
        int generations = blank + 1;
        if (lines.get(generations).startsWith("Online readout (run-history row ")) {
            while (!lines.get(generations).isEmpty()) {
                generations++;
            }
            generations++;
        }
        assertThat(lines.get(generations)).startsWith("Generations (reco.publish.keep-generations=");
        assertThat(lines.get(generations + 1)).startsWith("run ");
        assertThat(lines.get(generations + 2)).matches("-+( \\| -+)+");
        List<Long> published = db.jdbc.queryForList( // a generation is named by its run's job execution
                "SELECT job_execution_id FROM reco_run_history WHERE published = TRUE ORDER BY id DESC", Long.class);
        assertThat(lines.subList(generations + 3, lines.size())).extracting(StandardOutputTestBase::firstNumber)
                .isEqualTo(published);
        assertThat(lines.get(generations + 3)).endsWith("LIVE");
        assertThat(report.err()).contains(STARTED, POOL_CLOSED);
    }

    @Test
    void shouldWriteOnlyTheHtmlFileWhenAskedForOne() throws Exception {
        // given
        Path html = dir.resolve("report.html");

        // when
        ChildJvm.Ended report = jar("report", "--html=" + html);

        // then
        assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCodes.OK);
        assertThat(report.out()).isEmpty();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg");
        assertThat(report.err()).contains("HTML report of " + historyIds().size() + " run-history rows written to " + html);
    }

    @Test
    void shouldExitWithTheConfigurationCodeAndOneLineNamingAnHtmlFileThatCannotBeWritten() throws Exception {
        // given
        Path html = dir.resolve("no-such-folder").resolve("report.html");

        // when
        ChildJvm.Ended report = jar("report", "--html=" + html, "--format=json");

        // then: nothing printed, one line without a stack trace
        assertThat(report.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(report.out()).isEmpty();
        assertThat(report.err().lines().filter(line -> line.contains(" ERROR ")).toList()).singleElement().asString()
                .endsWith("beer-reco-batch failed (exit code 2): cannot write the HTML report to " + html
                        + ": its directory does not exist");
        assertThat(report.err()).doesNotContainPattern("\\n\\s+at ");
        assertThat(html.getParent()).doesNotExist();
    }

    @Test
    void shouldPrintExactlyOneLinePerCheckAndTheVerdict() throws Exception {
        // when
        ChildJvm.Ended check = jar("check");

        // then
        assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = check.out().lines().toList();
        assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("ok {6}[a-z ]+: \\S.*"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("All " + (lines.size() - 1) + " checks passed.");
        assertThat(check.err()).contains(STARTED, POOL_CLOSED);
    }

    @Test
    void shouldPrintOnlyTheUsage() throws Exception {
        // when
        ChildJvm.Ended help = jar("help");

        // then
        assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).startsWith("usage: java -jar beer-reco-batch.jar [MODE]").endsWith("README \"Exit codes\")\n");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void shouldKeepTheLogsOfTheJobOnStandardOutputWhereKubernetesReadsThem() throws Exception {
        // when
        ChildJvm.Ended run = jar("run");
        ChildJvm.Ended migrate = jar("migrate");

        // then
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains(STARTED, "beer-reco-batch mode 'run'", POOL_CLOSED);
        assertThat(run.err()).doesNotContain(STARTED, "beer-reco-batch mode");
        assertThat(migrate.exitCode()).as(migrate.out()).isEqualTo(ExitCodes.OK);
        assertThat(migrate.out()).contains(STARTED, "Migration finished: 0 migration(s) applied", POOL_CLOSED);
        assertThat(migrate.err()).doesNotContain(STARTED, "Migration finished");
    }
}
