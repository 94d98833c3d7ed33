package com.beershop.reco.job;

import org.junit.jupiter.api.extension.ExtendWith;

/** Generations and republish on the external server of the {@code sqlserver} profile (skipped without {@code RECO_TEST_DB_URL}). */
@ExtendWith(ServerUnderTest.class)
class RepublishOnServerIT extends RepublishTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.server();
    }
}
