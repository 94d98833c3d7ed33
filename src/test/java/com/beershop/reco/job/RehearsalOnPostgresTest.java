package com.beershop.reco.job;

/** The rehearsal on the local PostgreSQL. */
class RehearsalOnPostgresTest extends RehearsalTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
