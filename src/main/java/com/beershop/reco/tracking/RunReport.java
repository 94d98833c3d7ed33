package com.beershop.reco.tracking;

import com.beershop.reco.config.ReportFormat;
import com.beershop.reco.online.OnlineJson;
import com.beershop.reco.online.OnlineTable;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.text.TextTable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The {@code report} mode: the last runs, newest first, as a table (when, what, how good, published or not, why),
 * JSON or CSV on standard output, and/or as a self-contained HTML page with charts.
 */
public final class RunReport {

    private static final Logger log = LoggerFactory.getLogger(RunReport.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RunHistoryRepository history;

    public RunReport(RunHistoryRepository history) {
        this.history = history;
    }

    /**
     * Writes the HTML file first, so a file that cannot be written ends the mode before anything is printed.
     *
     * @param format   what to print on {@code out}; null: nothing
     * @param htmlFile where to write the HTML report; null or blank: nowhere
     * @throws RunRefusedException (configuration) naming the file, when it cannot be written
     */
    public void report(int limit, ReportFormat format, String htmlFile, PrintStream out) {
        List<RunRecord> runs = history.recent(limit);
        if (htmlFile != null && !htmlFile.isBlank()) {
            writeHtml(runs, Path.of(htmlFile).toAbsolutePath());
        }
        if (format != null) {
            switch (format) {
                case TABLE -> printTable(runs, out);
                case JSON -> out.print(RunHistoryExport.json(runs));
                case CSV -> out.print(RunHistoryExport.csv(runs));
            }
            out.flush();
        }
    }

    private static void writeHtml(List<RunRecord> runs, Path file) {
        try {
            Files.writeString(file, HtmlReport.render(runs, WHEN.format(LocalDateTime.now())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw RunRefusedException.configuration("cannot write the HTML report to " + file + ": " + why(e));
        }
        log.info("HTML report of {} run-history rows written to {}", runs.size(), file);
    }

    /** The file system's reason; its exceptions' messages only repeat the path. */
    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void printTable(List<RunRecord> runs, PrintStream out) {
        // what decides a run first (how good, published, why), the provenance after it
        TextTable table = new TextTable("id", "when", "mode", "algorithm", "nDCG", "pop nDCG", "gate", "published",
                "rows", "outcome / why", "P", "R", "MAP", "cov", "secs", "ratings", "fingerprint", "exec", "version", "commit",
                "params");
        for (RunRecord r : runs) {
            table.add(r.id(), r.startedAt() == null ? "" : WHEN.format(r.startedAt()), r.runMode(), r.algorithm(),
                    f(r.ndcgAtN()), f(r.baselineNdcgAtN()), r.gateVerdict(), r.published() ? "yes" : "no",
                    r.rowsPublished(),
                    r.outcome() + (r.outcomeReason() == null ? "" : ": " + abbreviate(r.outcomeReason())),
                    f(r.precisionAtN()), f(r.recallAtN()), f(r.mapAtN()), f(r.coverage()), seconds(r),
                    r.ratingsUsed(), r.dataFingerprint(), r.jobExecutionId(), r.appVersion(),
                    HtmlReport.shortCommit(r.gitCommit()), r.params());
        }
        out.println("Last " + runs.size() + " run-history rows (newest first):");
        out.print(table);
        runs.stream().filter(r -> r.online() != null).findFirst()
                .ifPresent(r -> out.print(OnlineTable.render(r.id(), OnlineJson.read(r.online()))));
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
