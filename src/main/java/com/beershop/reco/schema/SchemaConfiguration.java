package com.beershop.reco.schema;

import com.beershop.reco.config.SchemaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The job's schema and its run lock, which every mode that touches the database uses (migrate, check and report
 * as much as the jobs). With {@link StatementTimeoutConfiguration}, the database plumbing lives beside what it wires.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaConfiguration {

    @Bean
    public SchemaManager schemaManager(DataSource dataSource, SchemaProperties schema) {
        return new SchemaManager(dataSource, schema);
    }

    @Bean
    public RunLocks runLocks(DataSource dataSource) {
        return new RunLocks(dataSource);
    }
}
