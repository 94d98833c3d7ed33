package com.beershop.reco.publish;

import com.beershop.reco.schema.TransactionMeasure;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the dialect's {@link TransactionMeasure}s inside the rehearsed publish's transaction. Each query runs in a
 * savepoint of its own: on PostgreSQL a failed statement would otherwise abort the whole transaction, and a figure
 * the login may not read must cost only that figure.
 */
class TransactionMeter {

    /** One measure's value at one moment, or why there is none. */
    record Reading(Long value, String failure) {
    }

    private final JdbcTemplate jdbc;
    private final List<TransactionMeasure> measures;

    TransactionMeter(JdbcTemplate jdbc, List<TransactionMeasure> measures) {
        this.jdbc = jdbc;
        this.measures = measures;
    }

    List<Reading> read(TransactionStatus status) {
        List<Reading> readings = new ArrayList<>();
        for (TransactionMeasure measure : measures) {
            if (!measure.measurable()) {
                readings.add(new Reading(null, null));
                continue;
            }
            Object savepoint = status.createSavepoint();
            try {
                readings.add(new Reading(jdbc.queryForObject(measure.query(), Long.class), null));
                status.releaseSavepoint(savepoint);
            } catch (DataAccessException e) {
                status.rollbackToSavepoint(savepoint);
                String message = e.getMostSpecificCause().getMessage();
                readings.add(new Reading(null, message == null ? e.getClass().getSimpleName() : message.lines()
                        .findFirst().orElse("")));
            }
        }
        return readings;
    }

    /** One line per measure: the difference between the readings, or why it is not measurable. */
    List<String> describe(List<Reading> before, List<Reading> after) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            TransactionMeasure measure = measures.get(i);
            Reading first = before.get(i);
            Reading last = after.get(i);
            String failure = first.failure() != null ? first.failure() : last.failure();
            if (!measure.measurable()) {
                lines.add(measure.name() + ": " + measure.note());
            } else if (failure != null) {
                lines.add(measure.name() + ": not measurable (needs " + measure.needs() + "; the database said: "
                        + failure + ")");
            } else {
                lines.add(measure.name() + ": " + bytes(Math.max(0, last.value() - first.value())) + ", "
                        + measure.note());
            }
        }
        return lines;
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
