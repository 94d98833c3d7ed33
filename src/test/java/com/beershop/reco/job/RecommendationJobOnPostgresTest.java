package com.beershop.reco.job;

/** The PostgreSQL path, on the server at 127.0.0.1:5432: a fresh database per test, dropped afterwards. */
class RecommendationJobOnPostgresTest extends RecommendationJobTestBase {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }

    @Override
    String jsonFieldQuery(String column, String field) {
        return "SELECT " + column + "::jsonb ->> '" + field + "' FROM reco_run_history";
    }

    @Override
    String migrationFolder() {
        return "postgresql";
    }
}
