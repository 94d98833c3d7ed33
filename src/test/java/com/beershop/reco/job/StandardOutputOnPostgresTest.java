package com.beershop.reco.job;

import java.nio.file.Path;

/** Standard output of the modes on the local PostgreSQL. */
class StandardOutputOnPostgresTest extends StandardOutputTestBase {

    @Override
    TestDatabase createDatabase(Path dir) {
        return TestDatabase.postgres();
    }
}
