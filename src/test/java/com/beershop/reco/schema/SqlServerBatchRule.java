package com.beershop.reco.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL Server's batch rule, as it bites a Flyway script: Flyway sends a SQL Server script as one batch (its parser
 * splits only on {@code GO}), and SQL Server compiles the whole batch before running its first statement. A DML
 * statement that uses a table an earlier statement of the batch altered fails to compile when the table already
 * exists (Msg 207, "Invalid column name"): "A table can't be changed and then the new columns referenced in the same
 * batch" (learn.microsoft.com/sql/odbc/reference/develop-app/batches-of-sql-statements and
 * learn.microsoft.com/sql/t-sql/language-elements/sql-server-utilities-statements-go, "Rules for using batches").
 *
 * <p>The rule held here is stricter than the server: in one script,
 * <ul>
 *   <li>no statement may name a column that an earlier statement adds or alters;</li>
 *   <li>no DML statement (SELECT, INSERT, UPDATE, DELETE, MERGE, EXEC) may name a table that an earlier statement
 *       creates or alters (SQL Server's deferred name resolution would let a new table pass; the rule does not
 *       rely on it);</li>
 *   <li>CREATE VIEW, PROCEDURE, FUNCTION and TRIGGER must be alone in their script.</li>
 * </ul>
 * DDL may name a table created earlier in the same script (a FOREIGN KEY's REFERENCES, CREATE INDEX ... ON): DDL
 * resolves its names when it runs, which is what Spring Batch's own {@code schema-sqlserver.sql} relies on.
 */
final class SqlServerBatchRule {

    private static final Pattern CREATE_TABLE = Pattern.compile("^create\\s+table\\s+([\\w.\\[\\]]+)");
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^alter\\s+table\\s+([\\w.\\[\\]]+)\\s+(?:add|alter\\s+column|drop\\s+column)\\s+([\\w\\[\\]]+)");
    private static final Pattern MODULE = Pattern.compile("^create\\s+(?:or\\s+alter\\s+)?(view|procedure|proc|function|trigger)\\b");
    private static final Set<String> DML = Set.of("select", "insert", "update", "delete", "merge", "exec", "execute",
            "with");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_@#][A-Za-z0-9_@#$]*");

    private SqlServerBatchRule() {
    }

    /** Every breach of the rule in one script, each naming the statement and what it uses; empty when it holds. */
    static List<String> violations(String script) {
        List<String> statements = statements(script);
        List<String> violations = new ArrayList<>();
        Set<String> createdTables = new HashSet<>();
        Set<String> alteredTables = new HashSet<>();
        Set<String> changedColumns = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            String statement = statements.get(i);
            String lower = statement.toLowerCase(Locale.ROOT);
            Set<String> words = words(lower);
            String label = "statement " + (i + 1) + " (" + firstWords(statement) + ")";
            if (MODULE.matcher(lower).find() && statements.size() > 1) {
                violations.add(label + " must be alone in its script");
            }
            for (String column : changedColumns) {
                if (words.contains(column)) {
                    violations.add(label + " uses column " + column + ", which an earlier statement adds or alters");
                }
            }
            if (DML.contains(firstWord(lower))) {
                for (String table : union(createdTables, alteredTables)) {
                    if (words.contains(table)) {
                        violations.add(label + " uses table " + table + ", which an earlier statement "
                                + (createdTables.contains(table) ? "creates" : "alters"));
                    }
                }
            }
            Matcher created = CREATE_TABLE.matcher(lower);
            if (created.find()) {
                createdTables.add(bare(created.group(1)));
            }
            Matcher altered = ALTER_TABLE.matcher(lower);
            if (altered.find()) {
                alteredTables.add(bare(altered.group(1)));
                changedColumns.add(bare(altered.group(2)));
            }
        }
        return violations;
    }

    /** The script's statements without comments, split at semicolons outside string literals. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '-' && script.startsWith("--", i)) {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end;
            } else if (c == '/' && script.startsWith("/*", i)) {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? script.length() : end + 2;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < script.length() && (script.charAt(end) != '\'' || script.startsWith("''", end))) {
                    end += script.startsWith("''", end) ? 2 : 1;
                }
                current.append(script, i, Math.min(script.length(), end + 1));
                i = end + 1;
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement.replaceAll("\\s+", " "));
        }
        current.setLength(0);
    }

    /** The identifiers of a statement, string literals left out. */
    private static Set<String> words(String statement) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(statement.replaceAll("'(?:[^']|'')*'", "''"));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** dbo.[reco_run_history] is reco_run_history: the rule compares the last part of a name. */
    private static String bare(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.replace("[", "").replace("]", "");
    }

    private static String firstWord(String statement) {
        int space = statement.indexOf(' ');
        return space < 0 ? statement : statement.substring(0, space);
    }

    private static String firstWords(String statement) {
        return statement.length() <= 40 ? statement : statement.substring(0, 40) + "...";
    }
}
