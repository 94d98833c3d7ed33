package com.beershop.reco.check;

import com.beershop.reco.schema.DatabaseDialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The connection the checks share (the run's own credentials), its dialect, and small query helpers. */
final class CheckContext {

    private final Connection connection;
    private final DatabaseDialect dialect;
    private final int queryTimeoutSeconds;

    CheckContext(Connection connection, DatabaseDialect dialect, Duration queryTimeout) {
        this.connection = connection;
        this.dialect = dialect;
        this.queryTimeoutSeconds = (int) Math.max(0, Math.min(Integer.MAX_VALUE, queryTimeout.toSeconds()));
    }

    Connection connection() {
        return connection;
    }

    DatabaseDialect dialect() {
        return dialect;
    }

    /** As the database names itself: PostgreSQL, H2, Microsoft SQL Server. */
    String productName() throws SQLException {
        return connection.getMetaData().getDatabaseProductName();
    }

    /** The first column of the only row, or null when the query returns no row or NULL. */
    Object single(String sql, Object... params) throws SQLException {
        List<Object[]> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    long count(String sql, Object... params) throws SQLException {
        Object value = single(sql, params);
        return value == null ? 0 : ((Number) value).longValue();
    }

    List<Object[]> rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
