package com.beershop.reco.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the ratings table into ranges of the user id column, for parallel readers (the table has no primary
 * key; the user id is what every row has and what keeps a user's ratings together). The boundaries are the first
 * id of each of {@code n} equal tiles of the distinct ids, as the database orders them: the ranges are compared
 * by the database too, so they are disjoint and together cover every row, NULL ids included (the first range
 * takes them), whatever the collation.
 */
final class UserRanges {

    private UserRanges() {
    }

    /** One range: a WHERE clause with {@code ?} for its bounds, and the bounds. */
    record Range(String where, List<String> bounds) {
    }

    /**
     * @param sample a TABLESAMPLE clause to take the boundaries from a sample of the table, or "" for the exact
     *               tiles; a sample too small to give {@code n} distinct ids falls back to the exact query
     * @param idParameter a bound id as the predicates write it ({@code ?} or a cast of it to the column's type)
     */
    static List<Range> of(Connection connection, String table, String userColumn, int n, String sample,
                          String idParameter) throws SQLException {
        List<String> starts = sample.isEmpty() ? List.of() : starts(connection, table + sample, userColumn, n);
        if (starts.size() < n) {
            starts = starts(connection, table, userColumn, n);
        }
        return ranges(userColumn, idParameter, starts);
    }

    private static List<String> starts(Connection connection, String from, String userColumn, int n)
            throws SQLException {
        List<String> starts = new ArrayList<>();
        String sql = "SELECT MIN(" + userColumn + ") FROM (SELECT " + userColumn + ", NTILE(" + n + ") OVER (ORDER BY "
                + userColumn + ") AS tile FROM (SELECT DISTINCT " + userColumn + " FROM " + from + " WHERE "
                + userColumn + " IS NOT NULL) ids) tiles GROUP BY tile ORDER BY tile";
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                starts.add(rows.getString(1));
            }
        }
        return starts;
    }

    /** Range i runs from start i (inclusive) to start i + 1 (exclusive); the first also takes NULL ids. */
    static List<Range> ranges(String userColumn, String idParameter, List<String> starts) {
        List<Range> ranges = new ArrayList<>();
        if (starts.size() <= 1) {
            ranges.add(new Range("", List.of()));
            return ranges;
        }
        String from = userColumn + " >= " + idParameter;
        String below = userColumn + " < " + idParameter;
        ranges.add(new Range(" WHERE (" + userColumn + " IS NULL OR " + below + ")", List.of(starts.get(1))));
        for (int i = 1; i < starts.size(); i++) {
            if (i + 1 < starts.size()) {
                ranges.add(new Range(" WHERE " + from + " AND " + below, List.of(starts.get(i), starts.get(i + 1))));
            } else {
                ranges.add(new Range(" WHERE " + from, List.of(starts.get(i))));
            }
        }
        return ranges;
    }
}
