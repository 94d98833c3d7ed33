package com.beershop.reco.ingest;

import java.util.Locale;

/**
 * When two ids are the same id. The job must agree with the database: ids that the database's primary keys and
 * joins treat as equal are one user (or product) to the job too, or staging violates its key and the Go service's
 * lookups match rows the job thought belonged to someone else.
 */
public enum IdPolicy {
    /** Ids are equal when their characters are (PostgreSQL, H2). */
    EXACT,
    /** Trailing spaces do not count (SQL Server pads the shorter string with spaces before comparing). */
    IGNORE_TRAILING_SPACES,
    /** Neither case nor trailing spaces count (SQL Server with a case-insensitive {@code _CI_} collation). */
    IGNORE_CASE_AND_TRAILING_SPACES;

    /** The form under which equal ids meet: two ids are the same exactly when their keys are equal. */
    public String key(String id) {
        return switch (this) {
            case EXACT -> id;
            case IGNORE_TRAILING_SPACES -> stripTrailingSpaces(id);
            case IGNORE_CASE_AND_TRAILING_SPACES -> stripTrailingSpaces(id).toLowerCase(Locale.ROOT);
        };
    }

    private static String stripTrailingSpaces(String id) {
        int end = id.length();
        while (end > 0 && id.charAt(end - 1) == ' ') {
            end--;
        }
        return end == id.length() ? id : id.substring(0, end);
    }
}
