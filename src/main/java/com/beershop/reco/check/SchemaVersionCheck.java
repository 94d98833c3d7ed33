package com.beershop.reco.check;

import com.beershop.reco.schema.SchemaManager;
import com.beershop.reco.schema.SchemaStatus;

import java.util.List;

/** The job's own schema is at this build's version, so a run will not refuse with SCHEMA_NOT_CURRENT. */
final class SchemaVersionCheck implements DatabaseCheck {

    private final SchemaManager schema;

    SchemaVersionCheck(SchemaManager schema) {
        this.schema = schema;
    }

    @Override
    public String name() {
        return "job schema";
    }

    @Override
    public List<CheckResult> run(CheckContext context) {
        SchemaStatus status = schema.jobSchemaStatus();
        if (status.isCurrent()) {
            return List.of(CheckResult.ok(name(), "at version " + status.current() + ", this build's latest"));
        }
        if (!status.pending().isEmpty()) {
            return List.of(CheckResult.failed(name(), (status.current() == null ? "not created"
                    : "at version " + status.current()) + ", this build expects " + status.expected()
                    + " (pending: " + String.join(", ", status.pending()) + "): run the 'migrate' mode"));
        }
        return List.of(CheckResult.failed(name(), status.problem()));
    }
}
