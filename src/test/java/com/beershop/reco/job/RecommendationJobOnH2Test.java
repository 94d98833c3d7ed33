package com.beershop.reco.job;

/** The SQL Server path: H2 in MODE=MSSQLServer running the db-migrations/sqlserver scripts. */
class RecommendationJobOnH2Test extends RecommendationJobTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }

    /** H2 has no JSON_VALUE; on SQL Server the same query is {@code JSON_VALUE(params, '$.factors')}. */
    @Override
    String jsonFieldQuery(String column, String field) {
        // H2 has no JSON_VALUE (SQL Server's spelling); its own JSON path reads the same document
        return "SELECT (" + column + " FORMAT JSON).\"" + field + "\" FROM reco_run_history";
    }

    @Override
    String migrationFolder() {
        return "sqlserver";
    }
}
