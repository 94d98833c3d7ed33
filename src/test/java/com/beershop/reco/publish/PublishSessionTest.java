package com.beershop.reco.publish;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusal on SQL Server with READ_COMMITTED_SNAPSHOT OFF. The flag comes from sys.databases, which no database
 * on this machine has; H2 and PostgreSQL are multi-version and never ask (every run in the job tests passes here).
 */
class PublishSessionTest {

    @Test
    void shouldRefuseToPublishWhenReadersWouldWaitUnlessAcceptedOnPurpose() {
        assertThat(PublishSession.refusal(false, false, "recommendations"))
                .startsWith("READ_COMMITTED_SNAPSHOT is OFF: every reader of recommendations would wait")
                .contains("reco.publish.allow-blocking-readers=true", "Nothing was published");
        assertThat(PublishSession.refusal(false, true, "recommendations")).isNull();
        assertThat(PublishSession.refusal(true, false, "recommendations")).isNull();
    }
}
