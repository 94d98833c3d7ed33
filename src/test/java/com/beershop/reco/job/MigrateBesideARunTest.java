package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate} (ArgoCD's PreSync hook) never changes the job's tables under a running job: it waits for the run
 * lock, at most {@code reco.schema.migrate-lock-wait}, then exits 8 having changed nothing. Alone, it migrates; on
 * the very first deploy, before the schema has a lock at all (H2's lock row comes with V4), it migrates too.
 */
class MigrateBesideARunTest {

    private static final String TABLES =
            "SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) = 'public' ORDER BY 1";

    private TestDatabase db;

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldWaitForTheRunningJobThenExitWithAnotherRunActiveAndMigrateNothing(String vendor) throws Exception {
        // given: a schema at V4 (the run lock is in place, later migrations pending; on H2, which runs the SQL Server
        // scripts, the lock's row comes with V4.1) and a run holding the lock
        db = vendor.equals("h2") ? TestDatabase.h2() : TestDatabase.postgres();
        String lockInPlace = vendor.equals("h2") ? "4.1" : "4";
        migrateJobSchemaTo(lockInPlace, vendor);
        List<String> tables = db.jdbc.queryForList(TABLES, String.class);

        try (Connection run = db.holdRunLock()) {
            // when
            int exit = db.run("migrate", "--reco.schema.migrate-lock-wait=PT2S");

            // then
            assertThat(exit).isEqualTo(ExitCodes.ANOTHER_RUN_ACTIVE);
            assertThat(db.jdbc.queryForList(TABLES, String.class)).as("tables").isEqualTo(tables);
            assertThat(appliedVersions()).as("job schema").endsWith(lockInPlace).doesNotContain("5");
        }

        // and alone, it migrates
        assertThat(db.run("migrate", "--reco.schema.migrate-lock-wait=PT2S")).isEqualTo(ExitCodes.OK);
        assertThat(appliedVersions()).contains("5", "8");
        assertThat(db.jdbc.queryForList(TABLES, String.class)).contains("inventory_schema_history", "recommendations");
    }

    @Test
    void shouldMigrateTheFirstDeployWhoseSchemaHasNoRunLockYet() {
        // given: an empty H2, where the run lock is a row of a table that V4 creates
        db = TestDatabase.h2();

        // when
        int exit = db.run("migrate");

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(appliedVersions()).contains("4", "8");
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_lock")).isEqualTo(1);
    }

    private void migrateJobSchemaTo(String version, String vendor) {
        Flyway.configure().dataSource(db.url, db.username, db.password)
                .locations("classpath:db/migration/" + (vendor.equals("h2") ? "sqlserver" : "postgresql"))
                .table("flyway_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .target(version).load().migrate();
    }

    private List<String> appliedVersions() {
        return db.jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" <> '0'"
                + " ORDER BY \"installed_rank\"", String.class);
    }
}
