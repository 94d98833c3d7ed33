package com.beershop.reco.evaluation.selection;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.evaluation.selection.CandidateScore.Status;
import com.beershop.reco.model.AlgorithmSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a run prints of its model selection: a summary line, the header and its rule, then one aligned row per
 * candidate, the chosen starred.
 */
class SelectionTableTest {

    private static final AlgorithmSpec SMALL = AlgorithmSpec.parse("ials:factors=16");
    private static final AlgorithmSpec EASE = AlgorithmSpec.parse("ease:lambda=100");
    private static final AlgorithmSpec LARGE = AlgorithmSpec.parse("ials:factors=128");

    @Test
    void shouldListEveryCandidateInTheOrderTriedWithTheChosenOneStarred() {
        SelectionResult result = new SelectionResult(EASE, 0.2, List.of(
                new CandidateScore(SMALL, Status.EVALUATED, 0.15, 1.5, 2e9, ""),
                new CandidateScore(EASE, Status.EVALUATED, 0.2, 2.25, 6.4e10, ""),
                new CandidateScore(LARGE, Status.SKIPPED, Double.NaN, 0, 5.9e10,
                        "needs 5.90e+10 units, 1.00e+10 of the work budget left")),
                60, 480, 4.04, new SelectionResult.Budget(7.4e10, 6.4e10, 600, false));

        List<String> lines = SelectionTable.render(result, 10).lines().toList();

        assertThat(lines.get(0)).isEqualTo("Model selection on 60 users, 480 ratings: chose ease{lambda=100} in 4.0 s;"
                + " 6.40e+10 of 7.40e+10 work units spent");
        assertThat(cells(lines.get(1))).containsExactly("", "candidate", "status", "validation nDCG@10", "seconds",
                "work units", "note");
        assertThat(lines.get(2)).as("the rule under the header").matches("[-| ]+");
        assertThat(cells(lines.get(3))).containsExactly("", "ials{factors=16}", "EVALUATED", "0.1500", "1.50",
                "2.00e+09", "");
        assertThat(cells(lines.get(4))).containsExactly("*", "ease{lambda=100}", "EVALUATED", "0.2000", "2.25",
                "6.40e+10", "");
        assertThat(cells(lines.get(5))).containsExactly("", "ials{factors=128}", "SKIPPED", "-", "0.00", "5.90e+10",
                "needs 5.90e+10 units, 1.00e+10 of the work budget left");
        assertThat(lines).hasSize(6);
        assertThat(result.evaluated()).isEqualTo(2);
    }

    @Test
    void shouldAlignEveryColumnToItsWidestCellAndLeaveNoTrailingSpaces() {
        SelectionResult result = new SelectionResult(SMALL, 0.15, List.of(
                new CandidateScore(SMALL, Status.EVALUATED, 0.15, 1.5, 2e9, ""),
                new CandidateScore(LARGE, Status.FAILED, Double.NaN, 12.346, 5.9e10, "out of memory")), 60, 480, 14,
                new SelectionResult.Budget(1e12, 5.9e10, 600, true));

        List<String> lines = SelectionTable.render(result, 5).lines().toList();

        // header, rule, then rows: every separator of a row where the header has one
        List<Integer> header = separators(lines.get(1));
        assertThat(header).hasSize(6);
        assertThat(lines.get(0)).endsWith(", stopped by the 600 s wall limit");
        assertThat(separators(lines.get(2))).as("the rule under the header").isEqualTo(header);
        assertThat(lines.get(1)).startsWith("  | candidate         | status    | validation nDCG@5 | seconds | work units | note");
        for (String row : lines.subList(2, lines.size())) {
            assertThat(header).startsWith(separators(row).toArray(Integer[]::new));
            assertThat(row).doesNotEndWith(" ");
        }
        assertThat(lines.get(4))
                .isEqualTo("  | ials{factors=128} | FAILED    | -                 | 12.35   | 5.90e+10   | out of memory");
    }

    private static List<Integer> separators(String line) {
        List<Integer> at = new ArrayList<>();
        for (int i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) {
            at.add(i);
        }
        return at;
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|", -1)).map(String::strip).toList();
    }
}
