package com.beershop.reco.job;

import java.nio.file.Path;

/** Standard output of the modes on H2 in MODE=MSSQLServer, in a file the application's own JVM opens as well. */
class StandardOutputOnH2Test extends StandardOutputTestBase {

    @Override
    TestDatabase createDatabase(Path dir) {
        return TestDatabase.h2File(dir);
    }
}
