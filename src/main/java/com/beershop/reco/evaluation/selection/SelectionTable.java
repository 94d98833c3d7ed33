package com.beershop.reco.evaluation.selection;

import com.beershop.reco.text.TextTable;

import java.util.Locale;

/** A model selection as a plain-text table, one line per candidate in the order tried, the chosen one starred. */
public final class SelectionTable {

    private SelectionTable() {
    }

    public static String render(SelectionResult result, int topN) {
        TextTable table = new TextTable("", "candidate", "status", "validation nDCG@" + topN, "seconds", "work units",
                "note");
        for (CandidateScore c : result.candidates()) {
            boolean evaluated = c.status() == CandidateScore.Status.EVALUATED;
            table.add(c.spec().equals(result.chosen()) ? "*" : "", c.spec(), c.status().name(),
                    evaluated ? String.format(Locale.ROOT, "%.4f", c.ndcg()) : "-",
                    String.format(Locale.ROOT, "%.2f", c.seconds()), ModelSelector.units(c.workUnits()), c.note());
        }
        SelectionResult.Budget budget = result.budget();
        return String.format(Locale.ROOT, "Model selection on %d users, %d ratings: chose %s in %.1f s;"
                        + " %s of %s work units spent%s%n", result.usersSampled(), result.ratingsUsed(),
                result.chosen(), result.seconds(), ModelSelector.units(budget.unitsSpent()),
                ModelSelector.units(budget.workUnits()), budget.wallLimitHit()
                        ? String.format(Locale.ROOT, ", stopped by the %.0f s wall limit", budget.wallLimitSeconds())
                        : "") + table;
    }
}
