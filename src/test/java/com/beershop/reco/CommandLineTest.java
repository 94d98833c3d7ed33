package com.beershop.reco;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar as a new user tries it: help, a typo, a wrong algorithm or parameter. Each is answered in one line (or
 * the usage), with its exit code, without a stack trace and before anything touches the database: the database
 * here is unreachable, so touching it would end with the infrastructure exit code instead.
 */
class CommandLineTest {

    private static final String UNREACHABLE = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unreachable";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String console() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheUsageAndExitZeroForHelpWithoutRunningAnything() {
        assertThat(BeerRecoApplication.execute("--help", UNREACHABLE)).isEqualTo(ExitCodes.OK);
        assertThat(BeerRecoApplication.execute("help", UNREACHABLE)).isEqualTo(ExitCodes.OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar beer-reco-batch.jar [MODE]")
                .contains("  check ", "  migrate ", "  rehearse ", "  republish RUN_ID", "ials, ease", "9 database unfit");
        assertThat(console()).doesNotContain("HikariPool", "Starting BeerRecoApplication", "Exception");
    }

    @Test
    void shouldExitWithTheConfigurationCodeAndOneLineForAMisspeltMode() {
        int exit = BeerRecoApplication.execute("runn", UNREACHABLE);

        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "beer-reco-batch: unknown mode 'runn'; modes: run, migrate, check, rehearse, evaluate, select, report, republish (--help prints the usage)");
    }

    @Test
    void shouldRefuseAnUnknownAlgorithmBeforeTouchingTheDatabase() {
        int exit = BeerRecoApplication.execute("run", UNREACHABLE, "--reco.model.algorithm=nope");

        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
        assertOneLineWithoutStackTrace("reco.model: unknown algorithm 'nope'");
    }

    @Test
    void shouldRefuseAnOutOfRangeParameterBeforeTouchingTheDatabase() {
        int exit = BeerRecoApplication.execute("run", UNREACHABLE, "--reco.model.params.factors=-3");

        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
        assertOneLineWithoutStackTrace("reco.model: ials: factors must be in 1..1024, was -3");
    }

    @Test
    void shouldRefuseABadCandidateTableNameOrValueBeforeTouchingTheDatabase() {
        assertThat(BeerRecoApplication.execute("evaluate", UNREACHABLE, "--reco.evaluation.candidates=ease,ials:bogus=1"))
                .isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(BeerRecoApplication.execute("check", UNREACHABLE, "--reco.inventory.recommendations.table=recs;drop"))
                .isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(BeerRecoApplication.execute("run", UNREACHABLE, "--reco.scoring.top-n=many"))
                .isEqualTo(ExitCodes.CONFIGURATION);

        assertThat(console()).contains("reco.evaluation.candidates 'ials:bogus=1': ials: unknown parameter 'bogus'",
                "'recs;drop' is not a plain SQL identifier", "invalid configuration reco.scoring.top-n=many");
        assertThat(console()).doesNotContain("Application run failed", "HikariPool").doesNotContainPattern("\\n\\s+at ");
    }

    @Test
    void shouldNameTheAllowedValuesWhenAnEnumSettingGetsAnUnknownOne() {
        int exit = BeerRecoApplication.execute("run", UNREACHABLE, "--reco.evaluation.split=sideways");

        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
        assertOneLineWithoutStackTrace(
                "invalid configuration reco.evaluation.split: 'sideways' is not one of random, time, recent");
    }

    @Test
    void shouldSayANumericSettingGotTextThatIsNotANumber() {
        int exit = BeerRecoApplication.execute("run", UNREACHABLE, "--reco.selection.work-budget=abc");

        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
        assertOneLineWithoutStackTrace("invalid configuration reco.selection.work-budget=abc: not a number");
    }

    @Test
    void shouldNameTheReportFormatGivenByItsShortOptionNotThePlaceholderBehindIt() {
        int exit = BeerRecoApplication.execute("report", UNREACHABLE, "--format=xml");

        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
        assertOneLineWithoutStackTrace("invalid configuration reco.job.report-format: 'xml' is not one of table, json, csv");
        assertThat(console()).doesNotContain("${format", "No enum constant");
    }

    @Test
    void shouldRefuseAnOverrideRunIdTooLongForAnyRunAsConfiguration() {
        // given: a database that is there, so only the setting can fail the run
        String database = "--spring.datasource.url=jdbc:h2:mem:override" + System.nanoTime() + ";MODE=MSSQLServer";

        // when
        int exit = BeerRecoApplication.execute("run", database, "--reco.gate.override=123456789012345678901234567890");

        // then
        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
        assertOneLineWithoutStackTrace(
                "invalid configuration reco.gate: reco.gate.override=123456789012345678901234567890 is no run id");
    }

    private void assertOneLineWithoutStackTrace(String message) {
        assertThat(console().lines().filter(line -> line.contains("ERROR") || line.contains("WARN")).toList())
                .singleElement().asString().contains("beer-reco-batch failed (exit code 2): " + message);
        assertThat(console()).doesNotContain("Exception encountered", "Error starting ApplicationContext");
        assertThat(console()).doesNotContain("Application run failed", "HikariPool").doesNotContainPattern("\\n\\s+at ");
    }
}
