package com.beershop.reco.job;

import org.junit.jupiter.api.extension.ExtendWith;

/** The rehearsal on the external server of the {@code sqlserver} profile (skipped without {@code RECO_TEST_DB_URL}). */
@ExtendWith(ServerUnderTest.class)
class RehearsalOnServerIT extends RehearsalTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.server();
    }
}
