package com.beershop.reco.online;

import com.beershop.reco.text.TextTable;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The {@code report} mode's readout table: one line per kept generation and arm, with the 95 % intervals. */
public final class OnlineTable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private OnlineTable() {
    }

    /** @param runId the run-history row the readout was recorded with */
    public static String render(long runId, List<ArmFigures> figures) {
        StringBuilder out = new StringBuilder("\nOnline readout (run-history row ").append(runId)
                .append("): per kept generation and arm, the users with a list who rated since it went live\n");
        if (figures.isEmpty()) {
            return out.append("none: no generation with staged lists to measure yet\n").toString();
        }
        TextTable table = new TextTable("generation", "arm", "live from", "until", "listed", "users", "with hits",
                "hit rate@N [95 %]", "precision@N [95 %]");
        for (ArmFigures f : figures) {
            table.add(f.generation(), f.arm(), f.from() == null ? "" : WHEN.format(f.from()),
                    f.to() == null ? "" : WHEN.format(f.to()), f.listedUsers(), f.users(), f.usersWithHits(),
                    interval(f.hitRate(), f.hitRateLow(), f.hitRateHigh()),
                    interval(f.precision(), f.precisionLow(), f.precisionHigh()));
        }
        return out.append(table).toString();
    }

    static String interval(Double value, Double low, Double high) {
        if (value == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", value, low, high);
    }
}
