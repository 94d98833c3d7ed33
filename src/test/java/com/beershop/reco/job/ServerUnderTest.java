package com.beershop.reco.job;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The external database server the {@code *OnServerIT} suites run against (Maven profile {@code sqlserver}): a SQL
 * Server, or any server the job supports, given by the environment. Without {@link #URL} the suites are skipped and
 * one line says so. The login must be allowed to create databases (dbcreator on SQL Server, CREATEDB on
 * PostgreSQL): every test gets a fresh database of its own, dropped afterwards.
 */
public class ServerUnderTest implements ExecutionCondition {

    static final String URL = "RECO_TEST_DB_URL";
    static final String USER = "RECO_TEST_DB_USER";
    static final String PASSWORD = "RECO_TEST_DB_PASSWORD";
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();
    private static final Pattern POSTGRES = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");
    private static final Pattern SQLSERVER_DATABASE = Pattern.compile(";\\s*(databaseName|database)\\s*=[^;]*",
            Pattern.CASE_INSENSITIVE);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = System.getenv(URL);
        if (url == null || url.isBlank()) {
            String line = "sqlserver profile: skipped the database suites on an external server (job, publish,"
                    + " republish, run lock, check, rehearse): " + URL + " is not set (with " + USER + " and "
                    + PASSWORD + "; README \"Tests against a real SQL Server\")";
            if (ANNOUNCED.compareAndSet(false, true)) {
                System.out.println(line);
            }
            return ConditionEvaluationResult.disabled(URL + " is not set");
        }
        if (ANNOUNCED.compareAndSet(false, true)) {
            System.out.println("sqlserver profile: the database suites run against " + url + " as "
                    + System.getenv(USER) + ", one fresh database per test");
        }
        return ConditionEvaluationResult.enabled(URL + " is set");
    }

    static String url() {
        return System.getenv(URL);
    }

    static String user() {
        return System.getenv().getOrDefault(USER, "");
    }

    static String password() {
        return System.getenv().getOrDefault(PASSWORD, "");
    }

    /** The server's URL pointed at database {@code name} instead of the one it names. */
    static String withDatabase(String url, String name) {
        Matcher postgres = POSTGRES.matcher(url);
        if (postgres.matches()) {
            return postgres.group(1) + "/" + name + (postgres.group(3) == null ? "" : postgres.group(3));
        }
        if (url.startsWith("jdbc:sqlserver:")) {
            return SQLSERVER_DATABASE.matcher(url).replaceAll("") + ";databaseName=" + name;
        }
        throw new IllegalArgumentException(URL + " must be a jdbc:sqlserver: or jdbc:postgresql: URL, got " + url);
    }
}
