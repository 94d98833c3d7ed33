package com.beershop.reco.check;

import com.beershop.reco.config.InventoryProperties;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The login's privileges on exactly what a run does: read ratings and products; read, insert and delete
 * recommendations (the publish); and its own tables (staging, run history, Spring Batch's metadata, Flyway's
 * history, read when a run checks the schema is current). Asked of the database
 * ({@code HAS_PERMS_BY_NAME}, {@code has_table_privilege}), never tried out.
 */
final class PrivilegeCheck implements DatabaseCheck {

    static final List<String> BATCH_SEQUENCES = List.of("BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ",
            "BATCH_STEP_EXECUTION_SEQ");
    static final List<String> BATCH_TABLES = List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_STEP_EXECUTION_CONTEXT");

    private final InventoryProperties inventory;
    private final String schemaHistoryTable;

    PrivilegeCheck(InventoryProperties inventory, String schemaHistoryTable) {
        this.inventory = inventory;
        this.schemaHistoryTable = schemaHistoryTable;
    }

    @Override
    public String name() {
        return "privileges";
    }

    @Override
    public List<CheckResult> run(CheckContext context) throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        results.add(line(context, "privileges " + inventory.ratings().table(),
                Map.of(inventory.ratings().table(), List.of("SELECT"))));
        results.add(line(context, "privileges " + inventory.products().table(),
                Map.of(inventory.products().table(), List.of("SELECT"))));
        results.add(line(context, "privileges " + inventory.recommendations().table(),
                Map.of(inventory.recommendations().table(), List.of("SELECT", "INSERT", "DELETE"))));
        Map<String, List<String>> own = new LinkedHashMap<>();
        own.put("reco_staging", List.of("SELECT", "INSERT", "DELETE"));
        own.put("reco_run_history", List.of("SELECT", "INSERT"));
        own.put("reco_model_selection", List.of("SELECT", "INSERT"));
        own.put("reco_selection", List.of("SELECT", "INSERT"));
        own.put("reco_generation_zero", List.of("SELECT", "INSERT"));
        own.put(schemaHistoryTable, List.of("SELECT"));
        BATCH_TABLES.forEach(t -> own.put(t, List.of("SELECT", "INSERT", "UPDATE")));
        results.add(line(context, "privileges job tables", own));
        results.add(sequences(context));
        Optional<String> statistics = context.dialect().statisticsPrivilege();
        if (statistics.isPresent()) {
            results.add(statistics(context, statistics.get()));
        }
        Optional<String> stateView = context.dialect().stateViewPermission();
        if (stateView.isPresent()) {
            results.add(stateView(context, stateView.get()));
        }
        return results;
    }

    /** Spring Batch draws every job, execution and step id from its sequences. */
    private static CheckResult sequences(CheckContext context) throws SQLException {
        String name = "privileges job sequences";
        String privilege = context.dialect().sequencePrivilegeName();
        List<String> lacking = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String sequence : BATCH_SEQUENCES) {
            Object answer = context.single(context.dialect().sequencePrivilege(), sequence);
            if (answer == null) {
                absent.add(sequence);
            } else if (!isTrue(answer)) {
                lacking.add(sequence);
            }
        }
        String login = context.connection().getMetaData().getUserName();
        if (!lacking.isEmpty()) {
            return CheckResult.failed(name, "the login " + login + " lacks " + privilege + " on "
                    + String.join(", ", lacking));
        }
        if (!absent.isEmpty()) {
            return CheckResult.failed(name, "no sequence " + String.join(", ", absent) + " (or the login cannot see it)");
        }
        return CheckResult.ok(name, login + " may draw from all " + BATCH_SEQUENCES.size() + " of Spring Batch's sequences");
    }

    /**
     * Each publish first refreshes the planner's statistics of the rows just staged; a login that may not is
     * skipped with a warning and the publish plans for stale ones: a warning here too, never a failure.
     */
    private static CheckResult statistics(CheckContext context, String sql) throws SQLException {
        String name = "privileges staging statistics";
        Object answer = context.single(sql, "reco_staging");
        String login = context.connection().getMetaData().getUserName();
        if (answer == null) {
            return CheckResult.warning(name, "no table reco_staging (or the login cannot see it)");
        }
        if (isTrue(answer)) {
            return CheckResult.ok(name, login + " may ANALYZE reco_staging, as each publish does first");
        }
        return CheckResult.warning(name, login + " may not ANALYZE reco_staging (only its owner, the database's owner,"
                + " a superuser or, from PostgreSQL 17, a holder of MAINTAIN on it may): each publish then compares tonight's rows with plans made for the table as"
                + " autovacuum last saw it (3.5 s instead of 1.8 s for the INSERT at 2,000,000 rows). Make the job's"
                + " login the table's owner: ALTER TABLE reco_staging OWNER TO " + login);
    }

    /** The permission that makes tempdb's use measurable: reported either way, never a failure (a run needs none). */
    private static CheckResult stateView(CheckContext context, String sql) throws SQLException {
        Object[] row = context.rows(sql).get(0);
        String login = context.connection().getMetaData().getUserName();
        return CheckResult.ok("privileges server state", isTrue(row[1])
                ? login + " has " + row[0] + ": tempdb's use is measured"
                : login + " lacks " + row[0] + ": tempdb's free space is not measurable (the version store line says"
                + " so); a run needs no such permission");
    }

    private static CheckResult line(CheckContext context, String name, Map<String, List<String>> wanted) throws SQLException {
        List<String> missing = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<String> granted = new ArrayList<>();
        String sql = context.dialect().tablePrivilege();
        for (Map.Entry<String, List<String>> entry : wanted.entrySet()) {
            String table = entry.getKey();
            List<String> lacking = new ArrayList<>();
            boolean exists = true;
            for (String privilege : entry.getValue()) {
                Object answer = context.single(sql, table, privilege);
                if (answer == null) {
                    exists = false;
                    break;
                }
                if (!isTrue(answer)) {
                    lacking.add(privilege);
                }
            }
            if (!exists) {
                absent.add(table);
            } else if (!lacking.isEmpty()) {
                missing.add(String.join(", ", lacking) + " on " + table);
            } else {
                granted.add(String.join(", ", entry.getValue()) + " on " + table);
            }
        }
        String login = context.connection().getMetaData().getUserName();
        if (!missing.isEmpty() || !absent.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            if (!missing.isEmpty()) {
                reasons.add("the login " + login + " lacks " + String.join("; ", missing));
            }
            if (!absent.isEmpty()) {
                reasons.add("no table " + String.join(", ", absent) + " (or the login cannot see it)");
            }
            return CheckResult.failed(name, String.join("; ", reasons));
        }
        return CheckResult.ok(name, login + " may " + (wanted.size() > 3 ? "use all " + wanted.size() + " of the job's tables"
                : String.join("; ", granted)));
    }

    static boolean isTrue(Object answer) {
        if (answer instanceof Boolean b) {
            return b;
        }
        if (answer instanceof Number n) {
            return n.intValue() == 1;
        }
        return "true".equalsIgnoreCase(answer.toString()) || "t".equalsIgnoreCase(answer.toString());
    }
}
