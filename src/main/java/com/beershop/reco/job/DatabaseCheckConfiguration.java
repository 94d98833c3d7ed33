package com.beershop.reco.job;

import com.beershop.reco.check.DatabaseFitness;
import com.beershop.reco.config.InputProperties;
import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.config.JobProperties;
import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.schema.SchemaManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The {@code check} mode's checks, with what this configuration expects of the database. */
@Configuration(proxyBeanMethods = false)
public class DatabaseCheckConfiguration {

    @Bean
    public DatabaseFitness databaseFitness(DataSource dataSource, SchemaManager schema, InventoryProperties inventory,
                                           InputProperties input, PublishProperties publish, JobProperties job) {
        return new DatabaseFitness(dataSource, schema,
                new DatabaseFitness.Expectations(inventory, input.maxIdLength(), input.minRatings(),
                        input.configuredIdPolicy(), publish.allowBlockingReaders(), job.queryTimeout()));
    }
}
