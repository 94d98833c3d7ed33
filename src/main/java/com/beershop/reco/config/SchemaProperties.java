package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the job treats its own schema when it starts in {@code run}, {@code evaluate} or {@code report} mode.
 *
 * @param mode AUTO migrates an in-memory H2 database and only validates anything else; MIGRATE always migrates;
 *             VALIDATE never migrates (production: the {@code migrate} mode runs on deploy instead)
 * @param inventoryDdl create InventoryDB's own tables (ratings, products, recommendations) from the local copy of
 *                     their DDL: AUTO does so for in-memory H2 only; production never should
 * @param migrateLockWait how long the {@code migrate} mode waits for a running job to end (it takes the run lock, so
 *                        the tables never change under a run) before it gives up with exit 8, having changed nothing
 */
@ConfigurationProperties("reco.schema")
public record SchemaProperties(
        @DefaultValue("AUTO") Mode mode,
        @DefaultValue("AUTO") Mode inventoryDdl,
        @DefaultValue("PT5M") Duration migrateLockWait) {

    public enum Mode { AUTO, MIGRATE, VALIDATE }
}
