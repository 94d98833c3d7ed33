package com.beershop.reco.schema;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/**
 * The databases the job supports, and which migration scripts each runs. H2 runs the SQL Server scripts in
 * {@code MODE=MSSQLServer}; that is how the SQL Server path is tested without a SQL Server.
 */
public enum DatabaseVendor {
    SQLSERVER("sqlserver"),
    H2("sqlserver"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    DatabaseVendor(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public String migrationFolder() {
        return migrationFolder;
    }

    /** The statements that differ on this database. */
    public DatabaseDialect dialect() {
        return DatabaseDialect.of(this);
    }

    public static DatabaseVendor of(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return fromProductName(product);
        } catch (MetaDataAccessException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("cannot read database metadata", e);
        }
    }

    public static DatabaseVendor fromProductName(String product) {
        String name = product == null ? "" : product.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("sql server")) {
            return SQLSERVER;
        }
        throw new IllegalStateException("unsupported database '" + product + "': use SQL Server, PostgreSQL or H2");
    }

    /** True for a database that lives and dies with this process: safe to create and seed on the fly. */
    public static boolean isInMemory(DataSource dataSource) {
        try {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
            return url != null && url.startsWith("jdbc:h2:mem:");
        } catch (MetaDataAccessException e) {
            return false;
        }
    }
}
