package com.beershop.reco.delivery;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.beershop.reco.delivery.Manifests.checkPod;
import static com.beershop.reco.delivery.Manifests.migratePod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two sync hooks in their order, run as the application: the migration, then the check. The sync fails
 * (exit 9) while InventoryDB lacks what a run needs, and passes once it has it.
 */
class CheckHookTest {

    private final String url = "jdbc:h2:mem:checkhook_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";

    @AfterEach
    void dropDatabase() throws SQLException {
        execute("SHUTDOWN");
    }

    /** The hook's args, then its literal env settings as command-line properties, then the test database. */
    private String[] commandLine(Container hook, String... extra) {
        List<String> args = new ArrayList<>(hook.getArgs());
        for (EnvVar var : hook.getEnv()) {
            if (var.getName().equals("RECO_SCHEMA_INVENTORY_DDL")) {
                args.add("--reco.schema.inventory-ddl=" + var.getValue());
            }
        }
        args.add("--spring.datasource.url=" + url);
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void shouldFailTheSyncUntilInventoryDbHasWhatARunNeeds() throws SQLException {
        // given
        Container migrate = onlyContainer(migratePod(Manifests.rendered("production")));
        Container check = onlyContainer(checkPod(Manifests.rendered("production")));
        assertThat(commandLine(check)).startsWith("check").contains("--reco.schema.inventory-ddl=VALIDATE");

        // when: a database with the job's schema but none of InventoryDB's tables
        int migrated = BeerRecoApplication.execute(commandLine(migrate));
        int unfit = BeerRecoApplication.execute(commandLine(check));
        execute("CREATE TABLE products (product_id NVARCHAR(64) NOT NULL PRIMARY KEY, name NVARCHAR(200),"
                + " style NVARCHAR(100), active BIT)");
        execute("CREATE TABLE ratings (user_id NVARCHAR(64), product_id NVARCHAR(64), rating DECIMAL(4,2), rated_at DATETIME2)");
        execute("CREATE TABLE recommendations (user_id NVARCHAR(64) NOT NULL, product_id NVARCHAR(64) NOT NULL,"
                + " rank INT NOT NULL, CONSTRAINT pk_recommendations PRIMARY KEY (user_id, rank))");
        execute("INSERT INTO products VALUES ('B1', 'Pils', 'Pilsner', 1)");
        execute("INSERT INTO ratings VALUES ('U1', 'B1', 4, NULL)");
        int fit = BeerRecoApplication.execute(commandLine(check, "--reco.input.min-ratings=1"));

        // then
        assertThat(migrated).isEqualTo(ExitCodes.OK);
        assertThat(unfit).isEqualTo(ExitCodes.DATABASE_UNFIT);
        assertThat(fit).isEqualTo(ExitCodes.OK);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
