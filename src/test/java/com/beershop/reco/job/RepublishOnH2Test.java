package com.beershop.reco.job;

/** Generations and republish on H2 in MODE=MSSQLServer, running the db-migrations/sqlserver scripts. */
class RepublishOnH2Test extends RepublishTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
