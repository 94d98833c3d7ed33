package com.beershop.reco.publish;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import com.beershop.reco.outcome.RunRefusedException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The publish's statements on the live table, each run so that a missing grant refuses the night naming the grant
 * (a missing grant meets the same statement on every retry), and the live table's column list as its INSERTs name
 * it.
 */
final class LiveTableStatements {

    private final JdbcTemplate jdbc;
    private final RecommendationsTable table;
    private final PublishSession session;

    LiveTableStatements(JdbcTemplate jdbc, RecommendationsTable table, PublishSession session) {
        this.jdbc = jdbc;
        this.table = table;
        this.session = session;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    RecommendationsTable table() {
        return table;
    }

    PublishSession session() {
        return session;
    }

    /** The live table's user, product and rank columns, in that order, in parentheses. */
    String columns() {
        return " (" + table.userColumn() + ", " + table.productColumn() + ", " + table.rankColumn() + ")";
    }

    int update(String sql, String privilege, Object... args) {
        return withPrivilege(privilege, () -> jdbc.update(sql, args));
    }

    /** Runs {@code statement}; a permission the database denies is refused as an unfit database, naming the grant. */
    <T> T withPrivilege(String privilege, Supplier<T> statement) {
        try {
            return statement.get();
        } catch (DataAccessException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLException denied && session.dialect().isPermissionDenied(denied)) {
                    throw RunRefusedException.databaseUnfit("the login " + login() + " lacks " + privilege + ": "
                            + denied.getMessage().lines().findFirst().orElse("").replaceFirst(";? *SQL statement:$", "")
                            + ". Nothing was published");
                }
            }
            throw e;
        }
    }

    private String login() {
        return jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getUserName());
    }
}
