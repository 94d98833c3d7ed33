package com.beershop.reco.outcome;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome column keeps the words it always held, and a reader survives words of a newer build. */
class RunOutcomeTest {

    @Test
    void shouldNameTheOutcomeOfEachExitCodeAsTheRunHistoryAlwaysHas() {
        assertThat(RunOutcome.of(ExitCodes.OK).name()).isEqualTo("PUBLISHED");
        assertThat(RunOutcome.of(ExitCodes.REJECTED_INPUT).name()).isEqualTo("REJECTED_INPUT");
        assertThat(RunOutcome.of(ExitCodes.QUALITY_REFUSED).name()).isEqualTo("QUALITY_REFUSED");
        assertThat(RunOutcome.of(ExitCodes.CONFIGURATION).name()).isEqualTo("CONFIGURATION_ERROR");
        assertThat(RunOutcome.of(ExitCodes.INFRASTRUCTURE).name()).isEqualTo("INFRASTRUCTURE_FAILURE");
        assertThat(RunOutcome.of(ExitCodes.SCHEMA_NOT_CURRENT).name()).isEqualTo("SCHEMA_NOT_CURRENT");
        assertThat(RunOutcome.of(ExitCodes.PUBLISH_REFUSED).name()).isEqualTo("PUBLISH_REFUSED");
        assertThat(RunOutcome.of(ExitCodes.DATABASE_UNFIT).name()).isEqualTo("DATABASE_UNFIT");
        assertThat(RunOutcome.of(ExitCodes.ANOTHER_RUN_ACTIVE).name()).isEqualTo("ANOTHER_RUN_ACTIVE");
        assertThat(RunOutcome.of(ExitCodes.UNEXPECTED).name()).isEqualTo("FAILED");
    }

    @Test
    void shouldKnowNoOutcomeForAWordItNeverWrote() {
        assertThat(RunOutcome.named("REHEARSED")).contains(RunOutcome.REHEARSED);
        assertThat(RunOutcome.named("SOMETHING_NEWER")).isEmpty();
        assertThat(RunOutcome.named(null)).isEmpty();
    }

    @Test
    void shouldCountInputGateAndPublishRefusalsAsRefused() {
        assertThat(RunOutcome.values()).filteredOn(RunOutcome::refused)
                .containsExactlyInAnyOrder(RunOutcome.REJECTED_INPUT, RunOutcome.QUALITY_REFUSED,
                        RunOutcome.PUBLISH_REFUSED);
    }
}
