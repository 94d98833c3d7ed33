package com.beershop.reco.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL Server migration can run as the one batch Flyway sends it as ({@link SqlServerBatchRule}). H2 runs
 * these scripts statement by statement, so only this rule shows a script that SQL Server would refuse to compile.
 */
class SqlServerBatchRuleTest {

    private static final Path SCRIPTS = Path.of("db-migrations/sqlserver");

    /** The V3 that stopped every first deploy: it adds pre_v3_text, then updates it in the same batch (Msg 207). */
    private static final String V3_AS_FIRST_RELEASED = """
            -- params, rejected_by_reason and step_seconds hold JSON objects from now on
            ALTER TABLE reco_run_history ADD pre_v3_text NVARCHAR(MAX) NULL;

            UPDATE reco_run_history
               SET pre_v3_text = CONCAT('params=', params, '; rejected_by_reason=', rejected_by_reason,
                                        '; step_seconds=', step_seconds),
                   params = NULL, rejected_by_reason = NULL, step_seconds = NULL;

            -- room for every effective hyperparameter and every step, however many a later version records
            ALTER TABLE reco_run_history ALTER COLUMN params NVARCHAR(MAX) NULL;
            ALTER TABLE reco_run_history ALTER COLUMN rejected_by_reason NVARCHAR(MAX) NULL;
            ALTER TABLE reco_run_history ALTER COLUMN step_seconds NVARCHAR(MAX) NULL;
            """;

    static Stream<Path> sqlServerScripts() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            scripts = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(8);
        return scripts.stream();
    }

    @ParameterizedTest
    @MethodSource("sqlServerScripts")
    void shouldUseNothingThatAnEarlierStatementOfTheSameScriptCreatesOrAlters(Path script) throws IOException {
        assertThat(SqlServerBatchRule.violations(Files.readString(script))).as(script.toString()).isEmpty();
    }

    @Test
    void shouldRejectTheV3ThatAddedAColumnAndUpdatedItInOneBatch() {
        assertThat(SqlServerBatchRule.violations(V3_AS_FIRST_RELEASED))
                .contains("statement 2 (UPDATE reco_run_history SET pre_v3_text ...) uses column pre_v3_text,"
                                + " which an earlier statement adds or alters",
                        "statement 2 (UPDATE reco_run_history SET pre_v3_text ...) uses table reco_run_history,"
                                + " which an earlier statement alters");
    }

    @Test
    void shouldRejectAnInsertIntoATableCreatedInTheSameScriptButAllowAnIndexOnIt() {
        assertThat(SqlServerBatchRule.violations("""
                CREATE TABLE t (a INT NOT NULL PRIMARY KEY);
                CREATE INDEX ix_t ON t (a);
                INSERT INTO t (a) VALUES (1);
                """)).containsExactly("statement 3 (INSERT INTO t (a) VALUES (1)) uses table t, which an earlier"
                + " statement creates");
    }

    @Test
    void shouldSplitOnlyOnSemicolonsOutsideStringsAndComments() {
        assertThat(SqlServerBatchRule.statements("""
                -- a comment; with a semicolon
                INSERT INTO t (a) VALUES ('x;y''z'); /* b; c */ SELECT 1;
                """)).containsExactly("INSERT INTO t (a) VALUES ('x;y''z')", "SELECT 1");
    }

    @Test
    void shouldKeepAViewAloneInItsScript() {
        assertThat(SqlServerBatchRule.violations("CREATE TABLE t (a INT); CREATE VIEW v AS SELECT 1 AS one;"))
                .containsExactly("statement 2 (CREATE VIEW v AS SELECT 1 AS one) must be alone in its script");
    }
}
