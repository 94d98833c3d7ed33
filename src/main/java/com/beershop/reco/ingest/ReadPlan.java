package com.beershop.reco.ingest;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How one ratings load reads: how many connections, how they agree on one state of the table, and the database's
 * own statements for it (from its dialect: this package speaks no vendor's SQL).
 *
 * @param boundarySample the TABLESAMPLE clause the range boundaries are taken from, or "" for the exact tiles (no
 *                       such clause, or a source that is not a local base table)
 * @param idParameter how a bound user id is written in the range predicates: {@code ?}, or a cast of it to the user
 *                    column's own type, so the database compares in the column's type and collation
 * @param exportSnapshot the coordinator's snapshot export, for {@link ReadConsistency#EXPORTED_SNAPSHOT}
 * @param importSnapshot the statement a reader runs to import an exported snapshot id
 */
public record ReadPlan(int readers, ReadConsistency consistency, String boundarySample, String idParameter,
                       Optional<String> exportSnapshot, UnaryOperator<String> importSnapshot) {

    /** One reader, one statement, nothing vendor-specific. */
    public static ReadPlan singleReader() {
        return new ReadPlan(1, ReadConsistency.SINGLE_READER, "", "?", Optional.empty(), id -> {
            throw new IllegalStateException("one reader imports no snapshot");
        });
    }

    boolean parallel() {
        return readers > 1 && consistency != ReadConsistency.SINGLE_READER;
    }
}
