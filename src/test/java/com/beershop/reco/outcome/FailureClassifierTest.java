package com.beershop.reco.outcome;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Which exit code a failure gets, wherever in the cause chain its kind shows, and which sentence describes it.
 * The exit code decides whether the CronJob retries (5) or gives up (2, 3, 4, 7, 9), so each kind is pinned.
 */
class FailureClassifierTest {

    @Test
    void shouldMapARefusalAnywhereInTheCauseChainToItsOwnExitCode() {
        RunRefusedException refused = RunRefusedException.qualityRefused("the gate said no");

        assertThat(FailureClassifier.exitCodeOf(refused)).isEqualTo(ExitCodes.QUALITY_REFUSED);
        assertThat(FailureClassifier.exitCodeOf(new IllegalStateException("step failed", refused)))
                .isEqualTo(ExitCodes.QUALITY_REFUSED);
        assertThat(FailureClassifier.exitCodeOf(new QueryTimeoutException("while refusing", refused)))
                .as("a refusal under an infrastructure wrapper is still the refusal")
                .isEqualTo(ExitCodes.QUALITY_REFUSED);
    }

    @Test
    void shouldMapInvalidConfigurationAndAFailedPropertyBindingToTheConfigurationCode() {
        BindException binding = catchThrowableOfType(BindException.class, () -> new Binder(
                new MapConfigurationPropertySource(Map.of("reco.top-n", "many"))).bind("reco.top-n", Integer.class));

        assertThat(FailureClassifier.exitCodeOf(new InvalidConfigurationException("top-n must be positive")))
                .isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(FailureClassifier.exitCodeOf(binding)).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(FailureClassifier.exitCodeOf(new IllegalStateException("context failed", binding)))
                .isEqualTo(ExitCodes.CONFIGURATION);
    }

    @Test
    void shouldMapEachKindOfInfrastructureFailureToTheRetriedCode() {
        assertThat(FailureClassifier.exitCodeOf(new QueryTimeoutException("timeout")))
                .isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(FailureClassifier.exitCodeOf(new SQLTransientConnectionException("refused", "08001")))
                .isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(FailureClassifier.exitCodeOf(new CannotCreateTransactionException("no connection")))
                .isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(FailureClassifier.exitCodeOf(new IllegalStateException("step", new SQLException("gone", "08006"))))
                .as("the driver's exception under a wrapper").isEqualTo(ExitCodes.INFRASTRUCTURE);
    }

    @Test
    void shouldMapAnythingElseToTheUnexpectedCode() {
        assertThat(FailureClassifier.exitCodeOf(new IllegalStateException("a bug"))).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(FailureClassifier.exitCodeOf(new RuntimeException("outer", new NullPointerException())))
                .isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(FailureClassifier.exitCodeOf(List.of())).as("no failure recorded").isEqualTo(ExitCodes.UNEXPECTED);
    }

    @Test
    void shouldMapARejectedRowOfAKeyUniqueOrCheckConstraintToDatabaseUnfitEvenUnderAnInfrastructureWrapper() {
        assertThat(FailureClassifier.exitCodeOf(new DataIntegrityViolationException("duplicate key")))
                .isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(FailureClassifier.exitCodeOf(new SQLIntegrityConstraintViolationException("fk")))
                .isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(FailureClassifier.exitCodeOf(new QueryTimeoutException("batch", new SQLException("dup", "23505"))))
                .isEqualTo(ExitCodes.DATABASE_UNFIT);
    }

    @Test
    void shouldTellAnIntegrityViolationBySqlStateClass23Only() {
        assertThat(FailureClassifier.isIntegrityViolation(new SQLException("unique", "23505"))).isTrue();
        assertThat(FailureClassifier.isIntegrityViolation(new SQLException("check", "23514"))).isTrue();
        assertThat(FailureClassifier.isIntegrityViolation(new SQLException("syntax", "42601"))).isFalse();
        assertThat(FailureClassifier.isIntegrityViolation(new SQLException("class 02 containing 23", "02023")))
                .as("23 must be the class, not anywhere").isFalse();
        assertThat(FailureClassifier.isIntegrityViolation(new SQLException("no state"))).isFalse();
        assertThat(FailureClassifier.isIntegrityViolation(new IllegalStateException("23505"))).isFalse();
    }

    @Test
    void shouldEndTheCauseChainAtAnExceptionThatIsItsOwnCause() {
        // a driver exception whose getCause() answers itself must not loop forever
        RuntimeException selfCaused = new SelfCaused(new SQLException("unreachable", "08001"));

        assertThat(FailureClassifier.exitCodeOf(selfCaused)).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(FailureClassifier.exitCodeOf(new QueryTimeoutException("outer", selfCaused)))
                .isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(FailureClassifier.describe(selfCaused)).isEqualTo("self-caused");
        assertThat(FailureClassifier.describe(new IllegalStateException("outer", selfCaused)))
                .isEqualTo("IllegalStateException: self-caused");
    }

    @Test
    void shouldLetADeliberateRefusalOutrankAnInfrastructureFailureThatFollowedItInEitherOrder() {
        RuntimeException refusal = RunRefusedException.rejectedInput("too many rejected ratings");
        RuntimeException infrastructure = new QueryTimeoutException("the history insert timed out");
        RuntimeException bug = new IllegalStateException("a bug");

        assertThat(FailureClassifier.exitCodeOf(List.of(refusal, infrastructure))).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(FailureClassifier.exitCodeOf(List.of(infrastructure, refusal))).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(FailureClassifier.exitCodeOf(List.of(bug, infrastructure))).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(FailureClassifier.exitCodeOf(List.of(infrastructure, bug))).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(FailureClassifier.exitCodeOf(List.of(bug))).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(FailureClassifier.exitCodeOf(List.of(RunRefusedException.qualityRefused("gate"), refusal)))
                .as("the first refusal stands").isEqualTo(ExitCodes.QUALITY_REFUSED);
    }

    @Test
    void shouldDescribeAFailureByItsRootCausePrefixedByTheOutermostType() {
        IllegalStateException wrapped = new IllegalStateException("step failed",
                new RuntimeException("middle", new SQLException("connection refused", "08001")));

        assertThat(FailureClassifier.describe(wrapped)).isEqualTo("IllegalStateException: connection refused");
        assertThat(FailureClassifier.describe(new IllegalStateException("alone"))).isEqualTo("alone");
        assertThat(FailureClassifier.describe(new NullPointerException())).as("no message: the type")
                .isEqualTo("NullPointerException");
        assertThat(FailureClassifier.describe(new IllegalStateException("outer", new NullPointerException())))
                .isEqualTo("IllegalStateException: NullPointerException");
    }

    @Test
    void shouldDescribeARefusalByItsOwnMessageNotByWhatCausedIt() {
        RunRefusedException refused = RunRefusedException.publishRefused("lists fell by 60 %");
        refused.initCause(new SQLException("detail below the refusal", "08001"));

        assertThat(FailureClassifier.describe(refused)).isEqualTo("lists fell by 60 %");
        assertThat(FailureClassifier.describe(new IllegalStateException("step", refused)))
                .isEqualTo("IllegalStateException: lists fell by 60 %");
    }

    @Test
    void shouldNameTheInnermostSqlStateOfAnIntegrityViolationAndNeverItsMessage() {
        SQLException driver = new SQLException("duplicate key (CUST-1)=(B1)", "23505");

        String viaSpring = FailureClassifier.describe(new DataIntegrityViolationException("insert; CUST-1", driver));
        String springOnly = FailureClassifier.describe(new DataIntegrityViolationException("insert; CUST-1"));

        assertThat(viaSpring).isEqualTo("the database refused rows by a key, unique, foreign-key or check constraint"
                + " (SQLSTATE 23505); the values are left out of logs and the history (customer data):"
                + " run the check mode");
        assertThat(springOnly).doesNotContain("CUST-1", "SQLSTATE")
                .startsWith("the database refused rows by a key, unique, foreign-key or check constraint;");
    }

    @Test
    void shouldDescribeARefusalWrappingAnIntegrityViolationByTheRefusal() {
        RunRefusedException refused = RunRefusedException.databaseUnfit("ids collide under the collation");
        refused.initCause(new SQLException("duplicate key (CUST-1)", "23505"));

        assertThat(FailureClassifier.describe(refused)).isEqualTo("ids collide under the collation");
        assertThat(FailureClassifier.exitCodeOf(refused)).isEqualTo(ExitCodes.DATABASE_UNFIT);
    }

    /** An exception whose cause is itself, as some drivers' exceptions answer. */
    private static final class SelfCaused extends RuntimeException {
        SelfCaused(Throwable suppressedDetail) {
            super("self-caused");
            addSuppressed(suppressedDetail);
        }

        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }
}
