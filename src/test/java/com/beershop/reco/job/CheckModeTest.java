package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code check} mode against real databases: one line per check, exit 0 only when every check passes, 9 (the
 * database is unfit) otherwise, and nothing in the database changed by it.
 */
class CheckModeTest {

    private static final SampleDataSpec DATA = SampleDataSpec.of(200, 40, 3_000, 5);

    private TestDatabase db;
    private String output = "";
    private List<String> checkLines = List.of();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private int check(String... extra) {
        CheckRun run = CheckRun.on(db, extra);
        output = run.output();
        checkLines = run.checkLines();
        return run.exit();
    }

    private void migratedWithRatings(TestDatabase database) throws Exception {
        db = database;
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(DATA);
    }

    @Test
    void shouldWarnButPassWhenNoIndexLeadsOnTheRatingsUserColumn() throws Exception {
        // given: InventoryDB's ratings without the index the parallel load's ranges seek on
        migratedWithRatings(TestDatabase.postgres());
        db.jdbc.execute("DROP INDEX ix_ratings_user_id");

        // when
        int exit = check();

        // then: a warning that names the column and the fix; nothing fails
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(checkLines).filteredOn(l -> l.startsWith("WARN")).singleElement().asString()
                .startsWith("WARN    contract ratings: ").contains("no index leads on user_id",
                        "CREATE INDEX ix_ratings_user_id ON ratings (user_id)");
        assertThat(checkLines).noneMatch(l -> l.startsWith("FAILED"));
    }

    @Test
    void shouldPassEveryCheckOnAMigratedPostgresDatabaseWithRatings() throws Exception {
        migratedWithRatings(TestDatabase.postgres());
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long live = db.count("SELECT COUNT(*) FROM recommendations");
        Map<String, List<String>> before = db.everyTable();

        int exit = check();

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(checkLines).allMatch(l -> l.startsWith("ok "), "every line ok").extracting(l -> l.substring(8, l.indexOf(':')))
                .containsExactly("connection", "job schema", "contract ratings", "contract products",
                        "contract recommendations", "privileges ratings", "privileges products",
                        "privileges recommendations", "privileges job tables", "privileges job sequences",
                        "privileges staging statistics", "readers during publish",
                        "id comparison", "transaction log", "counts");
        assertThat(output).contains("ok      contract recommendations: user_id varchar(64), product_id varchar(64), rank int4;"
                        + " key pk_recommendations (user_id, rank)",
                "ok      privileges recommendations: postgres may SELECT, INSERT, DELETE on recommendations",
                "ok      id comparison: ids compared EXACT, as the database does",
                "ok      counts: 3,000 ratings, 40 products", String.format(java.util.Locale.ROOT, "%,d live rows", live),
                "ok      privileges staging statistics: postgres may ANALYZE reco_staging, as each publish does first",
                "All 15 checks passed.");
        assertThat(db.everyTable()).as("check changes nothing: every row of every table, history, staging and"
                + " batch metadata included").isEqualTo(before).containsKeys("reco_run_history", "reco_staging",
                "batch_job_execution", "recommendations");
    }

    @Test
    void shouldPassOnH2AndSayReadersNeverWait() throws Exception {
        migratedWithRatings(TestDatabase.h2());

        assertThat(check()).isEqualTo(ExitCodes.OK);
        assertThat(output).contains("ok      readers during publish: H2 is multi-version",
                "ok      privileges recommendations: SA may SELECT, INSERT, DELETE on recommendations",
                "this build's latest", "0 live rows");
        assertThat(output).containsPattern("ok      job schema: at version \\d+, this build's latest");
    }

    @Test
    void shouldNameTheTableAndThePrivilegeALoginLacks() throws Exception {
        migratedWithRatings(TestDatabase.postgres());
        String role = "reco_nodelete_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        db.jdbc.execute("CREATE ROLE " + role + " LOGIN");
        try {
            db.jdbc.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
            db.jdbc.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + role);
            db.jdbc.execute("REVOKE DELETE ON recommendations FROM " + role);

            int exit = check("--spring.datasource.username=" + role);

            assertThat(exit).isEqualTo(ExitCodes.DATABASE_UNFIT);
            assertThat(checkLines).filteredOn(l -> l.startsWith("FAILED")).containsExactly(
                    "FAILED  privileges recommendations: the login " + role + " lacks DELETE on recommendations");
            assertThat(output).contains("ok      privileges ratings: " + role + " may SELECT on ratings",
                    "1 of 15 checks FAILED.");
            // it does not own reco_staging either: a warning, which fails nothing
            assertThat(checkLines).filteredOn(l -> l.startsWith("WARN")).singleElement().asString()
                    .startsWith("WARN    privileges staging statistics: " + role + " may not ANALYZE reco_staging")
                    .endsWith("ALTER TABLE reco_staging OWNER TO " + role);
        } finally {
            db.jdbc.execute("DROP OWNED BY " + role);
            db.jdbc.execute("DROP ROLE " + role);
        }
    }

    /** A run also inserts into reco_model_selection and draws its ids from Spring Batch's sequences. */
    @Test
    void shouldNameTheModelSelectionTableAndTheSequenceALoginLacks() throws Exception {
        migratedWithRatings(TestDatabase.postgres());
        String role = "reco_noseq_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        db.jdbc.execute("CREATE ROLE " + role + " LOGIN");
        try {
            db.jdbc.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
            db.jdbc.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + role);
            db.jdbc.execute("REVOKE INSERT ON reco_model_selection FROM " + role);
            db.jdbc.execute("REVOKE USAGE ON SEQUENCE BATCH_JOB_EXECUTION_SEQ FROM " + role);

            int exit = check("--spring.datasource.username=" + role);

            assertThat(exit).isEqualTo(ExitCodes.DATABASE_UNFIT);
            assertThat(checkLines).filteredOn(l -> l.startsWith("FAILED")).containsExactly(
                    "FAILED  privileges job tables: the login " + role + " lacks INSERT on reco_model_selection",
                    "FAILED  privileges job sequences: the login " + role + " lacks USAGE on BATCH_JOB_EXECUTION_SEQ");
        } finally {
            db.jdbc.execute("DROP OWNED BY " + role);
            db.jdbc.execute("DROP ROLE " + role);
        }
    }

    @Test
    void shouldFailOnALiveTableWithAWrongColumnAndAKeyThePublishWouldBreak() throws Exception {
        migratedWithRatings(TestDatabase.h2());
        db.jdbc.execute("DROP TABLE recommendations");
        db.jdbc.execute("""
                CREATE TABLE recommendations (user_id NVARCHAR(32) NOT NULL, product_id NVARCHAR(64) NOT NULL,
                position INT NOT NULL, CONSTRAINT pk_recommendations PRIMARY KEY (user_id))""");

        int exit = check();

        assertThat(exit).isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(checkLines).filteredOn(l -> l.startsWith("FAILED")).singleElement().asString()
                .startsWith("FAILED  contract recommendations: ")
                .contains("column rank is missing (the table has: USER_ID, PRODUCT_ID, POSITION)",
                        "column USER_ID CHARACTER VARYING(32) is shorter than reco.input.max-id-length=64",
                        "column POSITION is NOT NULL without a default, and the publish does not write it",
                        "unique key PK_RECOMMENDATIONS on (USER_ID) would reject a user's second recommendation");
    }

    @Test
    void shouldFailOnAnUnmigratedDatabaseWithoutCreatingAnything() {
        db = TestDatabase.postgres();

        int exit = check();

        assertThat(exit).isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(output).containsPattern("FAILED  job schema: not created, this build expects \\d+ \\(pending: 1 spring batch"
                + " metadata, 2 staging and run history, .*\\): run the 'migrate' mode");
        assertThat(output).contains(
                "FAILED  contract ratings: table ratings does not exist (or the login cannot see it)",
                "FAILED  privileges recommendations: no table recommendations (or the login cannot see it)");
        assertThat(db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")).isZero();
    }

    @Test
    void shouldFailWhenTooFewRatingsForARun() throws Exception {
        migratedWithRatings(TestDatabase.h2());

        assertThat(check("--reco.input.min-ratings=5000")).isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(output).contains("FAILED  counts: 3,000 ratings, 40 products",
                "fewer ratings than reco.input.min-ratings=5000, the run would refuse its input");
    }
}
