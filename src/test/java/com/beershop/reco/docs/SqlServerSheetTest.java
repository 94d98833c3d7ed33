package com.beershop.reco.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DBA sheet, docs/sqlserver.md, names every statement the job sends only to SQL Server and every object its
 * SQL Server migrations create: a statement added to SqlServerDialect or a table added by a migration without a
 * line in the sheet fails here.
 */
class SqlServerSheetTest {

    private static final Path SHEET = Path.of("docs/sqlserver.md");
    private static final Path DIALECT = Path.of("src/main/java/com/beershop/reco/schema/SqlServerDialect.java");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:SELECT|SET|CAST|\\s?TABLESAMPLE)[^\"]*)\"");
    private static final Pattern CREATED = Pattern.compile("(?i)CREATE\\s+(?:TABLE|SEQUENCE|INDEX)\\s+(\\w+)");

    /** Every SQL text of SqlServerDialect, whitespace collapsed: text blocks and string literals of SQL. */
    static List<String> dialectStatements() throws IOException {
        String source = Files.readString(DIALECT);
        List<String> statements = new ArrayList<>();
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
            statements.add(collapse(block.group(1)));
        }
        Matcher string = STRING.matcher(source.replaceAll("(?s)\"\"\".*?\"\"\"", ""));
        while (string.find()) {
            statements.add(collapse(string.group(1)));
        }
        return statements;
    }

    @Test
    void shouldShowEveryStatementOfSqlServerDialectVerbatim() throws IOException {
        List<String> statements = dialectStatements();
        assertThat(statements).hasSizeGreaterThanOrEqualTo(12);
        String sheet = collapse(Files.readString(SHEET));

        assertThat(statements).allSatisfy(statement -> assertThat(sheet).as("docs/sqlserver.md").contains(statement));
    }

    @Test
    void shouldNameEveryObjectTheSqlServerMigrationsCreate() throws IOException {
        String sheet = Files.readString(SHEET);
        List<String> objects = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(Path.of("db-migrations/sqlserver"))) {
            for (Path script : scripts.toList()) {
                Matcher created = CREATED.matcher(Files.readString(script));
                while (created.find()) {
                    objects.add(created.group(1));
                }
            }
        }
        assertThat(objects).contains("reco_staging", "reco_model_selection", "BATCH_JOB_EXECUTION_SEQ");
        assertThat(objects).allSatisfy(object -> assertThat(sheet).contains("`" + object + "`"));
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
