package com.beershop.reco.check;

import com.beershop.reco.config.InventoryProperties;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The login's privileges on exactly what a run does: read ratings and products; read, insert and delete
 * recommendations (the publish); and its own tables (staging, run history, Spring Batch's metadata, Flyway's
 * history, read when a run checks the schema is current). Asked of the database
 * ({@code HAS_PERMS_BY_NAME}, {@code has_table_privilege}), never tried out.
 */
final class PrivilegeCheck implements DatabaseCheck {

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
        own.put(schemaHistoryTable, List.of("SELECT"));
        BATCH_TABLES.forEach(t -> own.put(t, List.of("SELECT", "INSERT", "UPDATE")));
        results.add(line(context, "privileges job tables", own));
        return results;
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
