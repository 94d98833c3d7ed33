package com.beershop.reco.job;

/** The gradual rollout on H2 in MODE=MSSQLServer, running the db-migrations/sqlserver scripts. */
class RolloutOnH2Test extends RolloutTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
