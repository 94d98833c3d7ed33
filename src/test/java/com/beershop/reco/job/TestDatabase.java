package com.beershop.reco.job;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataGenerator;
import com.beershop.reco.sample.SampleDataSpec;
import com.beershop.reco.schema.RunLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real, empty database for one test class: a named in-memory H2 in SQL Server mode, or a fresh database on the
 * local PostgreSQL server or on the external server of the {@code sqlserver} profile ({@link ServerUnderTest}),
 * dropped afterwards. Runs the real application against it.
 */
abstract class TestDatabase implements AutoCloseable {

    final String url;
    final String username;
    final String password;
    final JdbcTemplate jdbc;

    TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, username, password));
    }

    static TestDatabase h2() {
        String name = "reco_" + UUID.randomUUID().toString().replace("-", "");
        return new TestDatabase("jdbc:h2:mem:" + name + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1", "sa", "") {
            @Override
            public void close() {
                jdbc.execute("SHUTDOWN");
            }
        };
    }

    static TestDatabase postgres() {
        String name = "reco_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""));
        admin.execute("CREATE DATABASE " + name);
        return new TestDatabase("jdbc:postgresql://127.0.0.1:5432/" + name + "?reWriteBatchedInserts=true",
                "postgres", "") {
            @Override
            public void close() {
                admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        };
    }

    /**
     * An H2 database in SQL Server mode in a file under {@code directory}, so that the application in a JVM of its
     * own can open it too ({@code AUTO_SERVER}: whichever process opens it first serves it to the other).
     */
    static TestDatabase h2File(Path directory) {
        return new TestDatabase("jdbc:h2:file:" + directory.resolve("inventorydb").toAbsolutePath()
                + ";MODE=MSSQLServer;AUTO_SERVER=TRUE", "sa", "") {
            @Override
            public void close() {
                jdbc.execute("SHUTDOWN");
            }
        };
    }

    /**
     * A fresh database on the server {@link ServerUnderTest} names (the {@code sqlserver} Maven profile), dropped
     * afterwards. On SQL Server it reads committed snapshots, as InventoryDB must for the publish.
     */
    static TestDatabase server() {
        String name = "reco_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = ServerUnderTest.url();
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(url, ServerUnderTest.user(),
                ServerUnderTest.password()));
        boolean sqlServer = url.startsWith("jdbc:sqlserver:");
        try {
            admin.execute("CREATE DATABASE " + name);
        } catch (org.springframework.dao.DataAccessException e) {
            throw new IllegalStateException("the suites need a login that may create databases (dbcreator on SQL"
                    + " Server, CREATEDB on PostgreSQL): " + ServerUnderTest.USER + " cannot", e);
        }
        if (sqlServer) {
            admin.execute("ALTER DATABASE " + name + " SET READ_COMMITTED_SNAPSHOT ON");
        }
        return new TestDatabase(ServerUnderTest.withDatabase(url, name), ServerUnderTest.user(),
                ServerUnderTest.password()) {
            @Override
            public void close() {
                if (sqlServer) {
                    admin.execute("ALTER DATABASE " + name + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE");
                    admin.execute("DROP DATABASE " + name);
                } else {
                    admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        };
    }

    /** Runs the application in {@code mode} against this database and returns its exit code. */
    int run(String mode, String... extra) {
        return BeerRecoApplication.execute(arguments(mode, extra).toArray(String[]::new));
    }

    /** The command line that runs {@code mode} against this database, {@code extra} replacing the same options. */
    List<String> arguments(String mode, String... extra) {
        List<String> args = new ArrayList<>(List.of(mode,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password,
                "--reco.schema.inventory-ddl=MIGRATE",
                "--reco.sample-data.seed=NEVER",
                "--reco.input.min-ratings=100",
                // the tests pin what the run does with the configured model (a refused gate, a failing scorer);
                // model selection would swap in a better one, so the tests of selection switch it on themselves
                "--reco.selection.enabled=false"));
        for (String override : extra) {
            if (!override.startsWith("--")) {
                continue; // a positional argument (republish RUN_ID) overrides nothing
            }
            // a repeated --key=value would bind as "a,b": let the test's value replace the default
            String key = override.substring(0, override.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(key));
        }
        args.addAll(Arrays.asList(extra));
        return args;
    }

    /**
     * Yesterday, for a test of tonight: migrates, loads {@link RecommendationJobTestBase#DATA} and publishes one
     * night, each of which must succeed.
     */
    void publishOneNight() throws Exception {
        assertThat(run("migrate")).as("migrate").isEqualTo(ExitCodes.OK);
        loadGenerated(RecommendationJobTestBase.DATA);
        assertThat(run("run")).as("the night before the test").isEqualTo(ExitCodes.OK);
    }

    /** Fills products and ratings with generated beer-shop data (taste structure and all). */
    void loadGenerated(SampleDataSpec spec) throws Exception {
        List<Object[]> products = new ArrayList<>();
        List<Object[]> ratings = new ArrayList<>();
        new SampleDataGenerator(spec).generate(
                p -> products.add(new Object[]{p.productId(), p.name(), p.style(), p.active()}),
                r -> ratings.add(new Object[]{r.userId(), r.productId(), r.rating(),
                        r.ratedAt() == null ? null : Timestamp.valueOf(r.ratedAt())}));
        jdbc.batchUpdate("INSERT INTO products (product_id, name, style, active) VALUES (?, ?, ?, ?)", products);
        insertRatings(ratings);
    }

    void insertRatings(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO ratings (user_id, product_id, rating, rated_at) VALUES (?, ?, ?, ?)", rows);
    }

    private static final String LIVE_ROWS = "SELECT user_id, product_id, rank FROM recommendations ORDER BY user_id, rank";

    /**
     * Reads the whole live table over and over, on a connection of its own (a reader beside the job), until
     * {@code running} turns false; every read is one snapshot as {@link #liveRows()} gives it.
     */
    List<List<String>> liveSnapshotsWhile(AtomicBoolean running) {
        List<List<String>> snapshots = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement()) {
            while (running.get()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(LIVE_ROWS)) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3));
                    }
                }
                snapshots.add(rows);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return snapshots;
    }

    /** The live table as the Go service would read it, in a stable order. */
    List<String> liveRows() {
        return jdbc.query(LIVE_ROWS, (rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3));
    }

    /**
     * Every row of every table of the database (the job's, InventoryDB's and Spring Batch's), by table, each table's
     * rows as text in a stable order: two snapshots are equal only when nothing was written anywhere.
     */
    Map<String, List<String>> everyTable() {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, username, password)) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[]{"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                List<String> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT * FROM \"" + name + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(rs.getString(c)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                Collections.sort(rows);
                tables.put(name, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    /** A login of the test's own, dropped on close. */
    record Login(String user, String password, String url, Runnable drop) implements AutoCloseable {

        /** The arguments that make a mode connect as this login. */
        String[] arguments(String... more) {
            List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password));
            args.addAll(Arrays.asList(more));
            return args.toArray(String[]::new);
        }

        @Override
        public void close() {
            drop.run();
        }
    }

    /**
     * A new login with every grant a run needs on the job's and InventoryDB's tables (and the sequences), except
     * {@code privilege} on {@code table}. Call after {@code migrate}: the grants go to the tables that exist.
     */
    Login loginWithout(String privilege, String table) {
        String user = "reco_lacks_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String password = "Rehearse-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        if (url.startsWith("jdbc:postgresql:")) {
            jdbc.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
            jdbc.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + user);
            jdbc.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + user);
            jdbc.execute("REVOKE " + privilege + " ON " + table + " FROM " + user);
            return new Login(user, password, url, () -> {
                jdbc.execute("DROP OWNED BY " + user);
                jdbc.execute("DROP ROLE " + user);
            });
        }
        if (url.startsWith("jdbc:sqlserver:")) {
            // DENY wins over the schema-wide GRANT; the login is server-wide, so it goes after the test
            jdbc.execute("CREATE LOGIN " + user + " WITH PASSWORD = '" + password + "', CHECK_POLICY = OFF");
            jdbc.execute("CREATE USER " + user + " FOR LOGIN " + user);
            jdbc.execute("GRANT SELECT, INSERT, UPDATE, DELETE, EXECUTE ON SCHEMA::dbo TO " + user);
            jdbc.execute("DENY " + privilege + " ON dbo." + table + " TO " + user);
            return new Login(user, password, url, () -> {
                jdbc.execute("DROP USER " + user);
                jdbc.execute("DROP LOGIN " + user);
            });
        }
        jdbc.execute("CREATE USER " + user + " PASSWORD '" + password + "'");
        for (String name : jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class)) {
            List<String> grants = new ArrayList<>(List.of("SELECT", "INSERT", "UPDATE", "DELETE"));
            if (name.equalsIgnoreCase(table)) {
                grants.remove(privilege.toUpperCase(java.util.Locale.ROOT));
            }
            jdbc.execute("GRANT " + String.join(", ", grants) + " ON \"" + name + "\" TO " + user);
        }
        // only an admin may set DB_CLOSE_DELAY; the database stays open as the admin set it
        return new Login(user, password, url.replace(";DB_CLOSE_DELAY=-1", ""), () -> jdbc.execute("DROP USER " + user));
    }

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /**
     * Another session takes the run lock with the database's own statements (not through RunLock), as a running
     * run would: H2's lock row in an open transaction, PostgreSQL's advisory lock. Closing the connection releases it.
     */
    Connection holdRunLock() throws SQLException {
        Connection connection = DriverManager.getConnection(url, username, password);
        if (url.startsWith("jdbc:h2:")) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT lock_name FROM reco_run_lock WHERE lock_name = ? FOR UPDATE")) {
                select.setString(1, RunLock.NAME);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no lock row");
                    }
                }
            }
        } else {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + RunLock.POSTGRES_KEY + ")");
            }
        }
        return connection;
    }

    /**
     * Locks every live row in an open transaction, so a publish's DELETE waits for it until a rollback: where the
     * publish has a row to delete (it writes only what changed).
     */
    Connection lockLiveRows() throws SQLException {
        Connection connection = DriverManager.getConnection(url, username, password);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT * FROM recommendations FOR UPDATE");
        }
        return connection;
    }

    /** PostgreSQL: how many sessions of this database hold the run lock's advisory lock. */
    long runLockHolders() {
        return count("SELECT COUNT(*) FROM pg_locks WHERE " + RUN_LOCK_OF_THIS_DATABASE, RunLock.POSTGRES_KEY);
    }

    /** PostgreSQL: ends the session that holds the run lock, from the database side, as an idle-session killer would. */
    long terminateRunLockSession() {
        return count("SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_locks WHERE "
                + RUN_LOCK_OF_THIS_DATABASE + ") t", RunLock.POSTGRES_KEY);
    }

    private static final String RUN_LOCK_OF_THIS_DATABASE = """
            locktype = 'advisory' AND granted AND objsubid = 1
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND (CAST(classid AS bigint) << 32) + CAST(objid AS bigint) = ?""";

    @Override
    public abstract void close();
}
