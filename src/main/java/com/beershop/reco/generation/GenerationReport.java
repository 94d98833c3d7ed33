package com.beershop.reco.generation;

import com.beershop.reco.text.TextTable;
import com.beershop.reco.tracking.RunRecord;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The {@code report} mode's second table: which generation is live and which can still be put back with
 * {@code republish RUN_ID}, newest live first, with one pruned generation after the kept ones to show the edge.
 */
public final class GenerationReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Generations generations;

    public GenerationReport(Generations generations) {
        this.generations = generations;
    }

    public void print(PrintStream out) {
        List<Generation> listed = generations.list(generations.keep() + 1);
        TextTable table = new TextTable("run", "published", "algorithm", "nDCG", "rows", "state");
        for (Generation g : listed) {
            RunRecord run = g.publishedBy();
            table.add(g.runId(), run.startedAt() == null ? "" : WHEN.format(run.startedAt()), run.algorithm(),
                    run.ndcgAtN() == null ? "" : String.format(Locale.ROOT, "%.4f", run.ndcgAtN()),
                    run.rowsPublished(), state(g));
        }
        out.println();
        out.println("Generations (reco.publish.keep-generations=" + generations.keep() + "), newest live first:");
        if (listed.isEmpty()) {
            out.println("none: no run has published yet");
        } else {
            out.print(table);
        }
        out.flush();
    }

    private static String state(Generation g) {
        if (g.live()) {
            return g.canRepublish() ? "LIVE" : "LIVE (rows no longer kept)";
        }
        return g.canRepublish() ? "can republish: republish " + g.runId() : "pruned";
    }
}
