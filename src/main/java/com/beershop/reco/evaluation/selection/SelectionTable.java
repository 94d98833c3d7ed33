package com.beershop.reco.evaluation.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A model selection as a plain-text table, one line per candidate in the order tried, the chosen one starred. */
public final class SelectionTable {

    private SelectionTable() {
    }

    public static String render(SelectionResult result, int topN) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "candidate", "status", "validation nDCG@" + topN, "seconds", "note"});
        for (CandidateScore c : result.candidates()) {
            boolean evaluated = c.status() == CandidateScore.Status.EVALUATED;
            rows.add(new String[] {c.spec().equals(result.chosen()) ? "*" : "", c.spec().toString(),
                    c.status().name(), evaluated ? String.format(Locale.ROOT, "%.4f", c.ndcg()) : "-",
                    String.format(Locale.ROOT, "%.2f", c.seconds()), c.note()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Model selection on %d users, %d ratings: chose %s in %.1f s%n", result.usersSampled(),
                result.ratingsUsed(), result.chosen(), result.seconds()));
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + Math.max(1, widths[i]) + "s", row[i]));
                if (i < row.length - 1) {
                    line.append(" | ");
                }
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
