package com.beershop.reco.job;

/** The gradual rollout on the PostgreSQL server at 127.0.0.1:5432, a fresh database per test. */
class RolloutOnPostgresTest extends RolloutTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
