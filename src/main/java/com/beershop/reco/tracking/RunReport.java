package com.beershop.reco.tracking;

import com.beershop.reco.text.TextTable;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The {@code report} mode: the last runs as a table, newest first: when, what, how good, published or not, why. */
public final class RunReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RunHistoryRepository history;
    private final PrintStream out;

    public RunReport(RunHistoryRepository history, PrintStream out) {
        this.history = history;
        this.out = out;
    }

    public void print(int limit) {
        List<RunRecord> runs = history.recent(limit);
        // what decides a run first (how good, published, why), the provenance after it
        TextTable table = new TextTable("id", "when", "mode", "algorithm", "nDCG", "pop nDCG", "gate", "published",
                "rows", "outcome / why", "P", "R", "MAP", "cov", "secs", "ratings", "fingerprint", "exec", "version",
                "params");
        for (RunRecord r : runs) {
            table.add(r.id(), r.startedAt() == null ? "" : WHEN.format(r.startedAt()), r.runMode(), r.algorithm(),
                    f(r.ndcgAtN()), f(r.baselineNdcgAtN()), r.gateVerdict(), r.published() ? "yes" : "no",
                    r.rowsPublished(),
                    r.outcome() + (r.outcomeReason() == null ? "" : ": " + abbreviate(r.outcomeReason())),
                    f(r.precisionAtN()), f(r.recallAtN()), f(r.mapAtN()), f(r.coverage()), seconds(r),
                    r.ratingsUsed(), r.dataFingerprint(), r.jobExecutionId(), r.appVersion(), r.params());
        }
        out.println("Last " + runs.size() + " run-history rows (newest first):");
        out.print(table);
        out.flush();
    }

    private static String seconds(RunRecord r) {
        if (r.startedAt() == null || r.endedAt() == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f", Duration.between(r.startedAt(), r.endedAt()).toMillis() / 1000.0);
    }

    private static String abbreviate(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87) + "...";
    }

    private static String f(Double value) {
        return value == null || value.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
