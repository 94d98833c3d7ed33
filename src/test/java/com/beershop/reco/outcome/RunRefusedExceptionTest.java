package com.beershop.reco.outcome;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of refusal carries the exit code the CronJob acts on and the word the run history records. */
class RunRefusedExceptionTest {

    private record Kind(Function<String, RunRefusedException> factory, int exitCode, String reason) {
    }

    @Test
    void shouldCarryTheExitCodeReasonAndMessageOfEachKindOfRefusal() {
        List<Kind> kinds = List.of(
                new Kind(RunRefusedException::rejectedInput, ExitCodes.REJECTED_INPUT, "REJECTED_INPUT"),
                new Kind(RunRefusedException::qualityRefused, ExitCodes.QUALITY_REFUSED, "QUALITY_REFUSED"),
                new Kind(RunRefusedException::publishRefused, ExitCodes.PUBLISH_REFUSED, "PUBLISH_REFUSED"),
                new Kind(RunRefusedException::schemaNotCurrent, ExitCodes.SCHEMA_NOT_CURRENT, "SCHEMA_NOT_CURRENT"),
                new Kind(RunRefusedException::databaseUnfit, ExitCodes.DATABASE_UNFIT, "DATABASE_UNFIT"),
                new Kind(RunRefusedException::anotherRunActive, ExitCodes.ANOTHER_RUN_ACTIVE, "ANOTHER_RUN_ACTIVE"),
                new Kind(RunRefusedException::runLockLost, ExitCodes.INFRASTRUCTURE, "RUN_LOCK_LOST"),
                new Kind(RunRefusedException::configuration, ExitCodes.CONFIGURATION, "CONFIGURATION"));

        for (Kind kind : kinds) {
            RunRefusedException refused = kind.factory().apply("why: " + kind.reason());

            assertThat(refused.exitCode()).as(kind.reason()).isEqualTo(kind.exitCode());
            assertThat(refused).hasMessage("why: " + kind.reason());
            assertThat(FailureClassifier.exitCodeOf(refused)).isEqualTo(kind.exitCode());
        }
    }

    @Test
    void shouldBeAnIllegalArgumentWithItsMessageWhenTheConfigurationIsInvalid() {
        InvalidConfigurationException invalid = new InvalidConfigurationException("reco.top-n must be positive");

        assertThat(invalid).isInstanceOf(IllegalArgumentException.class).hasMessage("reco.top-n must be positive");
    }
}
