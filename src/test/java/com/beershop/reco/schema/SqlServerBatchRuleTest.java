package com.beershop.reco.schema;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule test for a SQL Server fact H2 cannot show. Flyway sends a SQL Server script as one batch, and SQL Server
 * compiles the whole batch before it runs any of it: "A table cannot be changed and then the new columns referenced
 * in the same batch" (learn.microsoft.com, SQL Server documentation, "Batches", rules for using batches). So in the
 * scripts from V9 on, no statement may name a column or table that an earlier statement of the same script adds.
 * (V3, older, updates a column it adds; it ran on production before this rule was written down and stays as it is.)
 */
class SqlServerBatchRuleTest {

    private static final Path SCRIPTS = Path.of("db-migrations/sqlserver");
    private static final Pattern ADDED_COLUMN = Pattern.compile("ALTER\\s+TABLE\\s+\\w+\\s+ADD\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED_TABLE = Pattern.compile("CREATE\\s+TABLE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void shouldNotUseInOneScriptWhatAnEarlierStatementOfItAdds() throws Exception {
        List<Path> checked = new ArrayList<>();
        try (var files = Files.list(SCRIPTS)) {
            for (Path script : files.toList()) {
                Matcher version = VERSION.matcher(script.getFileName().toString());
                if (!version.matches() || Integer.parseInt(version.group(1)) < 9) {
                    continue;
                }
                checked.add(script);
                List<String> added = new ArrayList<>();
                for (String statement : statements(Files.readString(script))) {
                    String lower = statement.toLowerCase(Locale.ROOT);
                    for (String name : added) {
                        assertThat(Pattern.compile("\\b" + name + "\\b").matcher(lower).find())
                                .as("%s: a statement uses %s, which an earlier statement of the same batch adds:%n%s",
                                        script.getFileName(), name, statement)
                                .isFalse();
                    }
                    for (Pattern p : List.of(ADDED_COLUMN, CREATED_TABLE)) {
                        Matcher m = p.matcher(statement);
                        while (m.find()) {
                            added.add(m.group(1).toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        assertThat(checked).as("V9 and later scripts").isNotEmpty();
    }

    /** The script's statements without comments, split at semicolons. */
    private static List<String> statements(String script) {
        String code = script.replaceAll("--[^\\n]*", "");
        List<String> statements = new ArrayList<>();
        for (String s : code.split(";")) {
            if (!s.isBlank()) {
                statements.add(s.trim());
            }
        }
        return statements;
    }
}
