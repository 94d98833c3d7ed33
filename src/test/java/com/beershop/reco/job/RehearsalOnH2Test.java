package com.beershop.reco.job;

/** The rehearsal on H2 in MODE=MSSQLServer, running the db-migrations/sqlserver scripts. */
class RehearsalOnH2Test extends RehearsalTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
