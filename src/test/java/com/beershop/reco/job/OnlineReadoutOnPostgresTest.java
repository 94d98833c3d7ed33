package com.beershop.reco.job;

/** The online readout on the PostgreSQL server at 127.0.0.1:5432, a fresh database per test. */
class OnlineReadoutOnPostgresTest extends OnlineReadoutTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
