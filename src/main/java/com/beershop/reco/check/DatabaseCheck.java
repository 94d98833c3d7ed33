package com.beershop.reco.check;

import java.sql.SQLException;
import java.util.List;

/** One aspect of the target database the run depends on. A check reports; it never changes anything. */
interface DatabaseCheck {

    /** What the line is about, e.g. {@code contract recommendations}; a failure to run the check is reported under it. */
    String name();

    List<CheckResult> run(CheckContext context) throws SQLException;
}
