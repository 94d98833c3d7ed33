package com.beershop.reco;

import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import com.beershop.reco.tracking.TextTable;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The {@code report} mode: the last runs as a table, newest first: when, what, how good, published or not, why. */
@Component
class ReportMode {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RunHistoryRepository history;
    private final PrintStream out;

    ReportMode(RunHistoryRepository history) {
        this.history = history;
        this.out = System.out;
    }

    void print(int limit) {
        List<RunRecord> runs = history.recent(limit);
        TextTable table = new TextTable("id", "when", "mode", "exec", "version", "algorithm", "params", "ratings",
                "fingerprint", "nDCG", "P", "R", "MAP", "cov", "pop nDCG", "gate", "published", "rows", "secs",
                "outcome / why");
        for (RunRecord r : runs) {
            table.add(r.id, r.startedAt == null ? "" : WHEN.format(r.startedAt), r.runMode, r.jobExecutionId,
                    r.appVersion, r.algorithm, r.params, r.ratingsUsed, r.dataFingerprint, f(r.ndcgAtN),
                    f(r.precisionAtN), f(r.recallAtN), f(r.mapAtN), f(r.coverage), f(r.baselineNdcgAtN),
                    r.gateVerdict, r.published ? "yes" : "no", r.rowsPublished, seconds(r),
                    r.outcome + (r.outcomeReason == null ? "" : ": " + r.outcomeReason));
        }
        out.println("Last " + runs.size() + " run-history rows (newest first):");
        out.print(table);
        out.flush();
    }

    private static String seconds(RunRecord r) {
        if (r.startedAt == null || r.endedAt == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f", java.time.Duration.between(r.startedAt, r.endedAt).toMillis() / 1000.0);
    }

    private static String f(Double value) {
        return value == null || value.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
