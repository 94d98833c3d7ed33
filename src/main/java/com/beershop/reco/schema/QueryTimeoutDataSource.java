package com.beershop.reco.schema;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The application's DataSource, with a query timeout on every statement it hands out: the job's own queries,
 * Spring Batch's metadata writes and Flyway's alike. A statement that runs longer is cancelled by the driver
 * (SQL Server and PostgreSQL send a cancel request), the step fails and the run ends with the infrastructure exit
 * code, so a hung read or write costs the timeout instead of the CronJob's whole deadline. A statement that sets
 * its own timeout keeps it.
 */
public final class QueryTimeoutDataSource extends DelegatingDataSource implements AutoCloseable {

    private final int seconds;

    public QueryTimeoutDataSource(DataSource target, Duration timeout) {
        super(target);
        this.seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }

    public int timeoutSeconds() {
        return seconds;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return withTimeouts(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return withTimeouts(obtainTargetDataSource().getConnection(username, password));
    }

    /** The context closes this bean in place of the pool it wraps: close the pool. */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private Connection withTimeouts(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                            // unwrap and isWrapperFor reach the driver's connection (pgjdbc's COPY needs it)
                        }
                    }
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Statement statement && statement.getQueryTimeout() == 0) {
                        statement.setQueryTimeout(seconds);
                    }
                    return result;
                });
    }
}
