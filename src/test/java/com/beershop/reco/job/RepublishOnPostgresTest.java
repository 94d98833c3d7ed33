package com.beershop.reco.job;

/** Generations and republish on the PostgreSQL server at 127.0.0.1:5432, a fresh database per test. */
class RepublishOnPostgresTest extends RepublishTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
