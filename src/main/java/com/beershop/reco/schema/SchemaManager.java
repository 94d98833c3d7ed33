package com.beershop.reco.schema;

import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.config.SchemaProperties;
import com.beershop.reco.config.SchemaProperties.Mode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Applies or checks the Flyway migrations. The job's own tables ({@code db-migrations/<vendor>}) and the local
 * copy of InventoryDB's tables ({@code db-migrations/inventory/<vendor>}) keep separate histories, so production
 * never records, or needs, the inventory scripts.
 */
public final class SchemaManager {

    private static final Logger log = LoggerFactory.getLogger(SchemaManager.class);
    public static final String JOB_HISTORY_TABLE = "flyway_schema_history";
    static final String INVENTORY_HISTORY_TABLE = "inventory_schema_history";

    private final DataSource dataSource;
    private final SchemaProperties properties;

    public SchemaManager(DataSource dataSource, SchemaProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** The {@code migrate} mode: applies every pending migration and reports how many ran. */
    public int migrate() {
        DatabaseVendor vendor = DatabaseVendor.of(dataSource);
        int applied = 0;
        if (wants(properties.inventoryDdl(), Mode.VALIDATE)) {
            applied += migrate(flyway(vendor, "inventory/" + vendor.migrationFolder(), INVENTORY_HISTORY_TABLE), "InventoryDB copy");
        }
        applied += migrate(flyway(vendor, vendor.migrationFolder(), JOB_HISTORY_TABLE), "job schema");
        return applied;
    }

    /**
     * Before a run: migrate where that is safe (an in-memory database, or when told to), otherwise only check
     * that the schema is current and refuse to run if it is not. Production never migrates from here.
     */
    public void prepareForRun() {
        DatabaseVendor vendor = DatabaseVendor.of(dataSource);
        if (wants(properties.inventoryDdl(), Mode.VALIDATE)) {
            migrate(flyway(vendor, "inventory/" + vendor.migrationFolder(), INVENTORY_HISTORY_TABLE), "InventoryDB copy");
        }
        Flyway jobSchema = flyway(vendor, vendor.migrationFolder(), JOB_HISTORY_TABLE);
        if (wants(properties.mode(), Mode.VALIDATE)) {
            migrate(jobSchema, "job schema");
            return;
        }
        ValidateResult result = jobSchema.validateWithResult();
        if (!result.validationSuccessful) {
            String details = result.invalidMigrations == null ? result.getAllErrorMessages()
                    : result.invalidMigrations.stream()
                    .map(m -> m.version + " " + m.description + ": " + m.errorDetails.errorMessage)
                    .reduce((a, b) -> a + "; " + b).orElse(result.getAllErrorMessages());
            throw RunRefusedException.schemaNotCurrent(
                    "the job's schema is not current (" + details + "); run the 'migrate' mode first");
        }
        log.info("Schema check: job schema is current ({} migrations applied)", jobSchema.info().applied().length);
    }

    /** The job schema's version against this build's migrations; reads only, never migrates. */
    public SchemaStatus jobSchemaStatus() {
        DatabaseVendor vendor = DatabaseVendor.of(dataSource);
        Flyway jobSchema = flyway(vendor, vendor.migrationFolder(), JOB_HISTORY_TABLE);
        MigrationInfoService info = jobSchema.info();
        String current = info.current() == null || info.current().getVersion() == null ? null
                : info.current().getVersion().getVersion();
        String expected = Arrays.stream(info.all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).map(MigrationVersion::getVersion).orElse(null);
        List<String> pending = Arrays.stream(info.pending())
                .map(m -> m.getVersion() + " " + m.getDescription()).toList();
        String problem = null;
        if (pending.isEmpty()) {
            ValidateResult result = jobSchema.validateWithResult();
            problem = result.validationSuccessful ? null : result.getAllErrorMessages();
        }
        return new SchemaStatus(current, expected, pending, problem);
    }

    /** AUTO means: only for an in-memory database. {@code otherwise} is what AUTO falls back to. */
    private boolean wants(Mode mode, Mode otherwise) {
        Mode effective = mode == Mode.AUTO ? (DatabaseVendor.isInMemory(dataSource) ? Mode.MIGRATE : otherwise) : mode;
        return effective == Mode.MIGRATE;
    }

    private Flyway flyway(DatabaseVendor vendor, String folder, String historyTable) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + folder)
                .table(historyTable)
                // InventoryDB already holds tables that are not ours: start our history beside them
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    private static int migrate(Flyway flyway, String what) {
        MigrateResult result = flyway.migrate();
        log.info("Migrated {}: {} migration(s) applied, now at version {}", what, result.migrationsExecuted,
                result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion);
        return result.migrationsExecuted;
    }
}
