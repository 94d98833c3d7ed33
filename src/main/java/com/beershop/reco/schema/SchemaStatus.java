package com.beershop.reco.schema;

import java.util.List;

/**
 * Where the job's own schema stands against this build's migrations.
 *
 * @param current the version applied last, null when no migration was ever applied
 * @param expected the newest migration this build carries
 * @param pending migrations this build carries that the database lacks, as "version description"
 * @param problem what validation found wrong otherwise (an edited or missing migration), null when nothing
 */
public record SchemaStatus(String current, String expected, List<String> pending, String problem) {

    public SchemaStatus {
        pending = List.copyOf(pending);
    }

    public boolean isCurrent() {
        return pending.isEmpty() && problem == null;
    }
}
