package com.beershop.reco.job;

/** The SQL Server path: H2 in MODE=MSSQLServer running the db-migrations/sqlserver scripts. */
class RecommendationJobOnH2Test extends RecommendationJobTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
