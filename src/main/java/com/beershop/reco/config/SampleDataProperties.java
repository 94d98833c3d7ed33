package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Seeding InventoryDB's tables from CSV files (products.csv, ratings.csv).
 *
 * @param location a Spring resource location of the folder; {@code --sample-data=DIR} on the command line sets it
 * @param seed AUTO seeds an in-memory H2 database whose ratings table is empty; ALWAYS seeds whenever the ratings
 *             table is empty; NEVER seeds
 */
@ConfigurationProperties("reco.sample-data")
public record SampleDataProperties(
        @DefaultValue("classpath:sample-data/") String location,
        @DefaultValue("AUTO") Seed seed) {

    public enum Seed { AUTO, ALWAYS, NEVER }
}
