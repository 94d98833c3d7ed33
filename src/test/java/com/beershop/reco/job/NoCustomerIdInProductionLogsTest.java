package com.beershop.reco.job;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.delivery.NightlyRunSettings;
import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production ships every log line: no customer id may reach it, at any level, nor the report, unless
 * {@code reco.job.log-example-user} asks. The run is a real second JVM on the local PostgreSQL with the production
 * overlay's ConfigMap as its environment (ECS JSON lines), the job's own loggers turned up to TRACE, and rows of one
 * customer that the input check rejects.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoCustomerIdInProductionLogsTest {

    private static final String CUSTOMER = "CUST-7734-PRIVATE";

    @TempDir
    Path files;

    private TestDatabase db;

    @BeforeEach
    void shopWithOneCustomersBadRows() throws Exception {
        db = TestDatabase.postgres();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
        List<Object[]> bad = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            bad.add(new Object[]{CUSTOMER, String.format("B%04d", i), new BigDecimal(i % 2 == 0 ? "9" : "0"), null});
        }
        bad.add(new Object[]{CUSTOMER, null, new BigDecimal("4"), null});
        db.insertRatings(bad);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldKeepTheCustomerIdOfRejectedRowsOutOfEveryLogLineAndTheReport(CapturedOutput output) throws Exception {
        // given
        Map<String, String> production = NightlyRunSettings.of("production");
        Path log = files.resolve("run.log");

        // when: the nightly run, then every form of the report
        int exit = runWithEnvironment(production, log);
        assertThat(db.run("report")).isEqualTo(ExitCodes.OK);
        assertThat(db.run("report", "--format=json")).isEqualTo(ExitCodes.OK);
        assertThat(db.run("report", "--format=csv", "--html=" + files.resolve("report.html"))).isEqualTo(ExitCodes.OK);

        // then
        String runLog = Files.readString(log);
        assertThat(exit).as(runLog).isEqualTo(ExitCodes.OK);
        assertThat(db.jdbc.queryForObject("SELECT ratings_rejected FROM reco_run_history", Long.class)).isEqualTo(9);
        assertThat(runLog).as("ECS lines").contains("{\"@timestamp\"", "Rejected rating (");
        assertThat(runLog).doesNotContain(CUSTOMER);
        assertThat(output.getOut() + output.getErr()).contains("PUBLISHED").doesNotContain(CUSTOMER);
        assertThat(Files.readString(files.resolve("report.html"))).doesNotContain(CUSTOMER);
    }

    /** This build's classpath without the test classes: no logback-test.xml, the logging production has. */
    private static String productionClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private int runWithEnvironment(Map<String, String> settings, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", productionClassPath(), BeerRecoApplication.class.getName(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        settings.forEach((key, value) -> {
            if (key.matches("[A-Z0-9_]+")) { // the environment variables, not the dashboard's JSON file
                env.put(key, value);
            }
        });
        env.put("SPRING_DATASOURCE_URL", db.url);
        env.put("SPRING_DATASOURCE_USERNAME", db.username);
        env.put("SPRING_DATASOURCE_PASSWORD", db.password);
        env.put("RECO_INPUT_MIN_RATINGS", "100");
        // every level of the job's own loggers, not only what production's INFO lets through
        env.put("LOGGING_LEVEL_COM_BEERSHOP_RECO", "TRACE");
        Process run = builder.start();
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("the run ended").isTrue();
        return run.exitValue();
    }
}
