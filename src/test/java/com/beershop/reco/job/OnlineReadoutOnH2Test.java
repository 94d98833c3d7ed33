package com.beershop.reco.job;

/** The online readout on H2 in MODE=MSSQLServer, running the db-migrations/sqlserver scripts. */
class OnlineReadoutOnH2Test extends OnlineReadoutTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
