package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside an in-memory database the job never migrates by itself: ArgoCD may skip the migrate hook, so a run on a
 * schema that is not current must stop with its own exit code and touch nothing.
 */
class SchemaCheckTest {

    private TestDatabase db;

    @BeforeEach
    void unmigratedDatabase() {
        db = TestDatabase.postgres();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldRefuseToRunOnAnUnmigratedSchemaWithTheSchemaExitCode() {
        int exit = db.run("run", "--reco.schema.inventory-ddl=VALIDATE");

        assertThat(exit).isEqualTo(ExitCodes.SCHEMA_NOT_CURRENT);
        assertThat(db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .as("tables created by a refused run").isZero();
    }

    @Test
    void shouldRefuseToRunWhenAMigrationIsPending() {
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.jdbc.update("DELETE FROM flyway_schema_history WHERE version = '2'");
        db.jdbc.execute("DROP TABLE reco_run_history");

        assertThat(db.run("run")).isEqualTo(ExitCodes.SCHEMA_NOT_CURRENT);
        assertThat(db.run("report")).isEqualTo(ExitCodes.SCHEMA_NOT_CURRENT);
    }
}
