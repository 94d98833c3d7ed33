package com.beershop.reco.check;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A table's columns and unique keys as the JDBC driver describes them (portable across SQL Server, PostgreSQL and
 * H2). Names compare case-insensitively, as the job's unquoted SQL does.
 */
public record TableShape(String schema, String name, Map<String, Column> columns, List<Key> uniqueKeys) {

    record Column(String name, int jdbcType, String typeName, int size, int scale, boolean nullable,
                  boolean hasDefault) {
        String describe() {
            return name + " " + typeName + (size > 0 && size < Integer.MAX_VALUE && isCharacter() ? "(" + size + ")" : "");
        }

        boolean isCharacter() {
            return TypeFamily.CHARACTER.accepts(this);
        }
    }

    record Key(String name, List<String> columns) {
    }

    Optional<Column> column(String column) {
        return Optional.ofNullable(columns.get(column.toLowerCase(Locale.ROOT)));
    }

    String columnList() {
        return String.join(", ", columns.values().stream().map(Column::name).toList());
    }

    /** Empty when no table by that name is visible; a name without a schema means the connection's schema. */
    public static Optional<TableShape> read(DatabaseMetaData meta, String currentSchema, String qualifiedName) throws SQLException {
        int dot = qualifiedName.indexOf('.');
        String schema = dot < 0 ? null : qualifiedName.substring(0, dot);
        String table = dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
        String foundSchema = null;
        String foundTable = null;
        for (String candidate : new LinkedHashSet<>(List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)))) {
            try (ResultSet rs = meta.getTables(null, null, candidate, new String[]{"TABLE", "BASE TABLE", "VIEW", "SYNONYM"})) {
                while (rs.next()) {
                    String s = rs.getString("TABLE_SCHEM");
                    String t = rs.getString("TABLE_NAME");
                    if (!t.equalsIgnoreCase(table) || (schema != null && !schema.equalsIgnoreCase(s))) {
                        continue;
                    }
                    boolean current = currentSchema != null && currentSchema.equalsIgnoreCase(s);
                    if (foundTable == null || (schema == null && current)) {
                        foundSchema = s;
                        foundTable = t;
                    }
                }
            }
            if (foundTable != null) {
                break;
            }
        }
        if (foundTable == null) {
            return Optional.empty();
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(null, foundSchema, foundTable, null)) {
            while (rs.next()) {
                if (!foundTable.equals(rs.getString("TABLE_NAME"))) {
                    continue; // '_' in a pattern matches any character
                }
                String name = rs.getString("COLUMN_NAME");
                String autoIncrement = rs.getString("IS_AUTOINCREMENT");
                columns.put(name.toLowerCase(Locale.ROOT), new Column(name, rs.getInt("DATA_TYPE"),
                        rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        rs.getString("COLUMN_DEF") != null || "YES".equalsIgnoreCase(autoIncrement)));
            }
        }
        return Optional.of(new TableShape(foundSchema, foundTable, columns, uniqueKeys(meta, foundSchema, foundTable)));
    }

    /** Whether some index of this table (unique or not) has {@code column} as its first column. */
    public boolean indexLeadsOn(DatabaseMetaData meta, String column) throws SQLException {
        try (ResultSet rs = meta.getIndexInfo(null, schema, name, false, true)) {
            while (rs.next()) {
                if (rs.getShort("TYPE") != DatabaseMetaData.tableIndexStatistic && rs.getShort("ORDINAL_POSITION") == 1
                        && column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Key> uniqueKeys(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<Key> candidates = new ArrayList<>();
        Map<Integer, String> primary = new java.util.TreeMap<>();
        String primaryName = null;
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                primary.put((int) rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                primaryName = rs.getString("PK_NAME");
            }
        }
        if (!primary.isEmpty()) {
            candidates.add(new Key(String.valueOf(primaryName), List.copyOf(primary.values())));
        }
        Map<String, Map<Integer, String>> indexes = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, true, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index == null || column == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                indexes.computeIfAbsent(index, k -> new java.util.TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), column);
            }
        }
        indexes.forEach((name, columns) -> candidates.add(new Key(name, List.copyOf(columns.values()))));
        List<Key> keys = new ArrayList<>();
        Set<Set<String>> seen = new LinkedHashSet<>();
        for (Key key : candidates) {
            Set<String> set = new LinkedHashSet<>(key.columns().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
            if (seen.add(set)) { // the primary key shows up again as a unique index
                keys.add(key);
            }
        }
        return keys;
    }
}
