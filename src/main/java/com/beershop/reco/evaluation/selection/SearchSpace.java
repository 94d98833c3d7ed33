package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The candidates model selection tries, in order. Written like the {@code evaluate} candidates
 * ({@code name:key=value,key=value}), where a value may list alternatives separated by {@code |}: the entry stands
 * for every combination, e.g. {@code ials:factors=16|64,alpha=1|3} is four candidates. Duplicates are dropped.
 */
public record SearchSpace(List<AlgorithmSpec> candidates) {

    /**
     * The search space when configuration names none; measured and explained in docs/quality.md. Cheap, robust
     * candidates come first, so a tight budget still sees them. Most-popular is not in it: it is the gate's
     * baseline already, and on validation data (less than the final model trains on) it wins more often than it
     * should (FilmTrust: chosen on 2 of 3 splits, then 0.03 below the configured iALS on the test part).
     */
    public static final List<String> DEFAULT_ENTRIES = List.of(
            "ials:factors=16,alpha=3|10,reg=0.02",
            "ease:lambda=100|300|1000",
            "ials:factors=64,alpha=3|10,reg=0.02",
            "ials:factors=16|64,alpha=1,reg=0.02",
            "ials:factors=16|64,alpha=3|10,reg=0.05",
            "ease:lambda=50|500",
            "ials:factors=128,alpha=3,reg=0.02");

    /**
     * What the built-in space adds, first, when the gate asks what customers rate next ({@code split=recent}):
     * trending itself, and the collaborative models with time in them (the profile decay and the trend blend that
     * reached issue 20's target on MovieLens' time cuts, docs/quality.md). Under the random split they cost time and
     * never win, so they are left out there.
     */
    public static final List<String> RECENT_ENTRIES = List.of(
            "recent-popular:half-life=7|28",
            "ease:lambda=300,profile-half-life=30,trend-weight=1|2",
            "ease:lambda=300,trend-weight=0.5|1",
            "ials:factors=16,alpha=10,reg=0.02,trend-weight=0.5|1");

    public SearchSpace {
        candidates = List.copyOf(candidates);
    }

    public static SearchSpace parse(List<String> entries) {
        LinkedHashSet<AlgorithmSpec> all = new LinkedHashSet<>();
        for (String entry : entries) {
            AlgorithmSpec grid = AlgorithmSpec.parse(entry);
            List<Map<String, String>> combinations = new ArrayList<>();
            combinations.add(new LinkedHashMap<>());
            for (Map.Entry<String, String> param : grid.params().entrySet()) {
                List<Map<String, String>> next = new ArrayList<>();
                for (String value : param.getValue().split("\\|")) {
                    if (value.isBlank()) {
                        throw new InvalidAlgorithmSpecException("'" + entry + "': empty alternative for " + param.getKey());
                    }
                    for (Map<String, String> partial : combinations) {
                        Map<String, String> extended = new LinkedHashMap<>(partial);
                        extended.put(param.getKey(), value.trim());
                        next.add(extended);
                    }
                }
                combinations = next;
            }
            for (Map<String, String> params : combinations) {
                all.add(AlgorithmSpec.of(grid.name(), params));
            }
        }
        return new SearchSpace(new ArrayList<>(all));
    }

    public int size() {
        return candidates.size();
    }
}
