package com.beershop.reco.job;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly job and its atomic publish on the external server of the {@code sqlserver} profile (skipped without
 * {@code RECO_TEST_DB_URL}): SQL Server, or PostgreSQL to prove the mechanism.
 */
@ExtendWith(ServerUnderTest.class)
class RecommendationJobOnServerIT extends RecommendationJobTestBase {

    private static boolean sqlServer() {
        return ServerUnderTest.url().startsWith("jdbc:sqlserver:");
    }

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.server();
    }

    @Override
    String jsonFieldQuery(String column, String field) {
        return sqlServer() ? "SELECT JSON_VALUE(" + column + ", '$." + field + "') FROM reco_run_history"
                : "SELECT " + column + "::jsonb ->> '" + field + "' FROM reco_run_history";
    }

    @Override
    String migrationFolder() {
        return sqlServer() ? "sqlserver" : "postgresql";
    }
}
