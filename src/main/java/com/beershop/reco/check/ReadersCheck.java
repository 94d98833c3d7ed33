package com.beershop.reco.check;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Whether the Go service's reads wait for the publish. With READ_COMMITTED_SNAPSHOT OFF (SQL Server's default
 * outside Azure), deleting every live row escalates to a table lock and every SELECT waits for the whole publish.
 */
final class ReadersCheck implements DatabaseCheck {

    private final boolean allowBlockingReaders;

    ReadersCheck(boolean allowBlockingReaders) {
        this.allowBlockingReaders = allowBlockingReaders;
    }

    @Override
    public String name() {
        return "readers during publish";
    }

    @Override
    public List<CheckResult> run(CheckContext context) throws SQLException {
        Optional<String> query = context.dialect().readCommittedSnapshot();
        if (query.isEmpty()) {
            return List.of(CheckResult.ok(name(), context.productName()
                    + " is multi-version: readers see the last committed rows and never wait for the publish"));
        }
        Object on = context.single(query.get());
        return List.of(verdict(on != null && ((Number) on).intValue() == 1, allowBlockingReaders));
    }

    static CheckResult verdict(boolean readCommittedSnapshot, boolean allowBlockingReaders) {
        String name = "readers during publish";
        if (readCommittedSnapshot) {
            return CheckResult.ok(name, "READ_COMMITTED_SNAPSHOT is ON: readers see yesterday's rows until the publish commits");
        }
        String consequence = "READ_COMMITTED_SNAPSHOT is OFF: every reader of the live table waits for the whole publish"
                + " (and for its rollback if it fails)";
        if (allowBlockingReaders) {
            return CheckResult.ok(name, consequence + "; accepted by reco.publish.allow-blocking-readers=true");
        }
        return CheckResult.failed(name, consequence + "; run ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON"
                + " (or accept the blocking with reco.publish.allow-blocking-readers=true); the run refuses to publish");
    }
}
