package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code check} mode on the external server of the {@code sqlserver} profile: every check passes on a database
 * a night has published to, a missing grant fails naming the table and the privilege, and a database the job has
 * never migrated fails the schema check.
 */
@ExtendWith(ServerUnderTest.class)
class CheckModeOnServerIT {

    private TestDatabase db;
    private String output = "";
    private List<String> checkLines = List.of();

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.server();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldPassEveryCheckAfterANightPublished() throws Exception {
        db.publishOneNight();

        int exit = check();

        assertThat(exit).isEqualTo(ExitCodes.OK);
        // PostgreSQL answers 14 lines, SQL Server more (the version store, the server-state permission)
        assertThat(checkLines).hasSizeGreaterThanOrEqualTo(14).allMatch(l -> l.startsWith("ok "), "every line ok");
        assertThat(output).contains("All " + checkLines.size() + " checks passed.");
    }

    @Test
    void shouldNameTheTableAndThePrivilegeALoginLacks() throws Exception {
        db.publishOneNight();

        try (TestDatabase.Login login = db.loginWithout("DELETE", "recommendations")) {
            int exit = check(login.arguments());

            assertThat(exit).isEqualTo(ExitCodes.DATABASE_UNFIT);
            assertThat(checkLines).filteredOn(l -> l.startsWith("FAILED")).singleElement().asString()
                    .startsWith("FAILED  privileges recommendations: the login ").contains("lacks DELETE on recommendations");
        }
    }

    @Test
    void shouldFailTheSchemaCheckOnADatabaseNeverMigrated() {
        int exit = check();

        assertThat(exit).isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(output).containsPattern("FAILED  job schema: not created, this build expects \\d+");
    }

    private int check(String... extra) {
        CheckRun run = CheckRun.on(db, extra);
        output = run.output();
        checkLines = run.checkLines();
        return run.exit();
    }
}
