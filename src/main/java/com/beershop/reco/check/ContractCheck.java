package com.beershop.reco.check;

import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.config.InventoryProperties.RecommendationsTable;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * InventoryDB's side of the contract: ratings, products and recommendations exist with the configured columns in
 * types the job can read and write, and the live table's unique keys accept what the publish writes (N rows per
 * user, ranks 1..N, distinct products) and nothing it does not write is required.
 */
final class ContractCheck implements DatabaseCheck {

    private final InventoryProperties inventory;
    private final int maxIdLength;

    ContractCheck(InventoryProperties inventory, int maxIdLength) {
        this.inventory = inventory;
        this.maxIdLength = maxIdLength;
    }

    @Override
    public String name() {
        return "contract";
    }

    @Override
    public List<CheckResult> run(CheckContext context) throws SQLException {
        DatabaseMetaData meta = context.connection().getMetaData();
        String schema = context.connection().getSchema();
        var r = inventory.ratings();
        var p = inventory.products();
        var live = inventory.recommendations();
        Map<String, TypeFamily> ratings = ordered(r.userColumn(), TypeFamily.ID, r.productColumn(), TypeFamily.ID,
                r.ratingColumn(), TypeFamily.NUMBER, r.ratedAtColumn(), TypeFamily.TIMESTAMP);
        Map<String, TypeFamily> products = ordered(p.idColumn(), TypeFamily.ID, p.nameColumn(), TypeFamily.CHARACTER,
                p.styleColumn(), TypeFamily.CHARACTER, p.activeColumn(), TypeFamily.FLAG);
        Map<String, TypeFamily> recommendations = ordered(live.userColumn(), TypeFamily.CHARACTER,
                live.productColumn(), TypeFamily.CHARACTER, live.rankColumn(), TypeFamily.INTEGER);
        Optional<TableShape> ratingsTable = TableShape.read(meta, schema, r.table());
        return List.of(
                withUserIndex(readTable(ratingsTable, r.table(), ratings), ratingsTable, meta),
                readTable(TableShape.read(meta, schema, p.table()), p.table(), products),
                liveTable(TableShape.read(meta, schema, live.table()), live, recommendations));
    }

    private CheckResult readTable(Optional<TableShape> found, String table, Map<String, TypeFamily> wanted) {
        String name = "contract " + table;
        if (found.isEmpty()) {
            return CheckResult.failed(name, "table " + table + " does not exist (or the login cannot see it)");
        }
        List<String> problems = columnProblems(found.get(), wanted, false);
        return problems.isEmpty() ? CheckResult.ok(name, describe(found.get(), wanted))
                : CheckResult.failed(name, String.join("; ", problems));
    }

    /**
     * The parallel load reads {@code ratings} in ranges of the user column: without an index that leads on it, every
     * reader scans the whole table (a warning, not a failure: the run still works, only slower).
     */
    private CheckResult withUserIndex(CheckResult ratings, Optional<TableShape> table, DatabaseMetaData meta)
            throws SQLException {
        var r = inventory.ratings();
        if (!ratings.ok() || table.isEmpty() || table.get().indexLeadsOn(meta, r.userColumn())) {
            return ratings;
        }
        return CheckResult.warning(ratings.name(), ratings.detail() + "; no index leads on " + r.userColumn()
                + ": each reader of the parallel load scans the whole table (CREATE INDEX ix_" + r.table() + "_"
                + r.userColumn() + " ON " + r.table() + " (" + r.userColumn() + "))");
    }

    private CheckResult liveTable(Optional<TableShape> found, RecommendationsTable live, Map<String, TypeFamily> wanted) {
        String name = "contract " + live.table();
        if (found.isEmpty()) {
            return CheckResult.failed(name, "table " + live.table() + " does not exist (or the login cannot see it)");
        }
        TableShape table = found.get();
        List<String> problems = columnProblems(table, wanted, true);
        for (TableShape.Column column : table.columns().values()) {
            if (!wanted.containsKey(column.name().toLowerCase(Locale.ROOT)) && !column.nullable() && !column.hasDefault()) {
                problems.add("column " + column.name() + " is NOT NULL without a default, and the publish does not write it");
            }
        }
        Set<String> user = Set.of(live.userColumn().toLowerCase(Locale.ROOT));
        String rank = live.rankColumn().toLowerCase(Locale.ROOT);
        String product = live.productColumn().toLowerCase(Locale.ROOT);
        List<String> keys = new ArrayList<>();
        for (TableShape.Key key : table.uniqueKeys()) {
            List<String> columns = key.columns().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            keys.add(key.name() + " (" + String.join(", ", key.columns()) + ")");
            if (!columns.containsAll(user) || !(columns.contains(rank) || columns.contains(product))) {
                problems.add("unique key " + key.name() + " on (" + String.join(", ", key.columns())
                        + ") would reject a user's second recommendation: the publish writes " + live.userColumn()
                        + " with ranks 1..N, so a key must include " + live.userColumn() + " and " + live.rankColumn()
                        + " (or " + live.productColumn() + ")");
            }
            for (String column : columns) {
                if (!wanted.containsKey(column)) {
                    problems.add("unique key " + key.name() + " includes column " + column + ", which the publish does not write");
                }
            }
        }
        if (!problems.isEmpty()) {
            return CheckResult.failed(name, String.join("; ", problems));
        }
        return CheckResult.ok(name, describe(table, wanted) + "; " + (keys.isEmpty()
                ? "no unique key (the publish writes each user's ranks once)" : "key " + String.join(", ", keys)));
    }

    private List<String> columnProblems(TableShape table, Map<String, TypeFamily> wanted, boolean written) {
        List<String> problems = new ArrayList<>();
        wanted.forEach((column, family) -> {
            Optional<TableShape.Column> found = table.column(column);
            if (found.isEmpty()) {
                problems.add("column " + column + " is missing (the table has: " + table.columnList() + ")");
            } else if (!family.accepts(found.get())) {
                problems.add("column " + found.get().describe() + " is not " + family.description());
            } else if (written && family == TypeFamily.CHARACTER && found.get().size() < maxIdLength) {
                problems.add("column " + found.get().describe() + " is shorter than reco.input.max-id-length="
                        + maxIdLength + ": a longer id would fail the publish (lower max-id-length or widen the column)");
            }
        });
        return problems;
    }

    private static String describe(TableShape table, Map<String, TypeFamily> wanted) {
        return String.join(", ", wanted.keySet().stream()
                .map(c -> table.column(c).map(TableShape.Column::describe).orElse(c)).toList());
    }

    private static Map<String, TypeFamily> ordered(Object... columnsAndFamilies) {
        Map<String, TypeFamily> map = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndFamilies.length; i += 2) {
            map.put(((String) columnsAndFamilies[i]).toLowerCase(Locale.ROOT), (TypeFamily) columnsAndFamilies[i + 1]);
        }
        return map;
    }
}
