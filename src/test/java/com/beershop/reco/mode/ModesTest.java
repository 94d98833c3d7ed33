package com.beershop.reco.mode;

import com.beershop.reco.tracking.RunMode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's words, judged before Spring starts, and the usage made of the modes' own lines. */
class ModesTest {

    @Test
    void shouldGiveEveryModeOneClassAndOneEntryInTheUsage() {
        assertThat(Modes.ALL).extracting(ModeUsage::mode).containsExactly(RunMode.values());
        String usage = HelpMode.usage(List.of("ials", "ease"));

        assertThat(usage).contains("\n  run        (default) the nightly job: load,",
                "\n  check      prove the database is fit for a run: job schema,",
                "\n             login's privileges, SQL Server's snapshot reads,",
                "\n  republish RUN_ID\n             put the generation published by run RUN_ID back",
                "\n  help       print this text (also --help)\n",
                "--reco.model.algorithm=ials        one of ials, ease\n");
    }

    @Test
    void shouldNameTheRunnableModesWhenTheModeIsUnknown() {
        assertThat(Modes.usageProblem(List.of("runn"))).isEqualTo(
                "unknown mode 'runn'; modes: run, migrate, check, rehearse, evaluate, select, report, republish");
        assertThat(Modes.names()).doesNotContain("help").hasSize(RunMode.values().length - 1);
    }

    @Test
    void shouldTakeAnOperandOnlyWhereTheModeNamesOne() {
        assertThat(Modes.usageProblem(List.of("republish", "42"))).isNull();
        assertThat(Modes.usageProblem(List.of("run", "42"))).isEqualTo("one mode at a time, got run 42");
        assertThat(Modes.usageProblem(List.of("republish", "42", "43")))
                .isEqualTo("one mode at a time, got republish 42 43");
        assertThat(Modes.usageProblem(List.of())).isNull();
    }

    @Test
    void shouldRunTheNightlyJobWhenNoModeIsNamed() {
        assertThat(Modes.of(List.of())).isEqualTo(RunMode.RUN);
        assertThat(Modes.of(List.of("republish", "42"))).isEqualTo(RunMode.REPUBLISH);
    }

    @Test
    void shouldPrintAResultOnStandardOutputForCheckAndReportOnly() {
        assertThat(Arrays.stream(RunMode.values()).filter(m -> Modes.printsResult(List.of(m.word()))))
                .containsExactlyInAnyOrder(RunMode.CHECK, RunMode.REPORT);
    }
}
