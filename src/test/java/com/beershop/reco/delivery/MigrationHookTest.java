package com.beershop.reco.delivery;

import com.beershop.reco.BeerRecoApplication;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.beershop.reco.delivery.Manifests.migratePod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/** The migrate hook's container, run as the application: it migrates the job's schema and nothing else. */
class MigrationHookTest {

    /** A database of this test's own, shut down afterwards: nothing is left behind for other tests. */
    private static final String URL = "jdbc:h2:mem:hooktest_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";

    @AfterAll
    static void shutDownTheDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
            connection.createStatement().execute("SHUTDOWN");
        }
    }

    /** The hook's args, then its literal env settings as command-line properties, then the test database. */
    private static String[] hookCommandLine() {
        Container hook = onlyContainer(migratePod(Manifests.rendered("production")));
        List<String> args = new ArrayList<>(hook.getArgs());
        for (EnvVar var : hook.getEnv()) {
            if (var.getName().equals("RECO_SCHEMA_INVENTORY_DDL")) {
                args.add("--reco.schema.inventory-ddl=" + var.getValue());
            }
        }
        args.add("--spring.datasource.url=" + URL);
        return args.toArray(String[]::new);
    }

    @Test
    void shouldCreateTheJobsTablesButNotInventoryDbsAndDoNothingTheSecondTime() throws SQLException {
        // given
        String[] commandLine = hookCommandLine();
        assertThat(commandLine).startsWith("migrate").contains("--reco.schema.inventory-ddl=VALIDATE");

        // when
        int first = BeerRecoApplication.execute(commandLine);
        int migrationsAfterFirst = count("SELECT COUNT(*) FROM \"flyway_schema_history\"");
        int second = BeerRecoApplication.execute(commandLine);

        // then
        assertThat(first).isZero();
        assertThat(migrationsAfterFirst).isPositive();
        assertThat(second).isZero();
        assertThat(tableExists("RECO_RUN_HISTORY")).isTrue();
        assertThat(tableExists("RECO_STAGING")).isTrue();
        assertThat(tableExists("BATCH_JOB_INSTANCE")).isTrue();
        assertThat(tableExists("RATINGS")).as("InventoryDB's tables are never created by the hook").isFalse();
        assertThat(tableExists("RECOMMENDATIONS")).isFalse();
        assertThat(count("SELECT COUNT(*) FROM \"flyway_schema_history\"")).isEqualTo(migrationsAfterFirst);
    }

    private static boolean tableExists(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
             ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[]{"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
