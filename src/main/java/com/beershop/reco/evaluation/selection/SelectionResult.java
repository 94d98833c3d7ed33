package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.AlgorithmSpec;
import java.util.List;

/**
 * What a model selection chose and everything it tried, in the order tried.
 *
 * @param usersSampled users of the selection data (all training users unless sampled)
 * @param ratingsUsed ratings of the selection data before its validation split
 * @param seconds wall time of the whole selection
 * @param budget what the search could spend and what it spent
 */
public record SelectionResult(AlgorithmSpec chosen, double chosenNdcg, List<CandidateScore> candidates,
                              int usersSampled, int ratingsUsed, double seconds, Budget budget) {

    /**
     * @param workUnits the work budget, in cost-model units
     * @param unitsSpent what the candidates after the fallback spent of it
     * @param wallLimitSeconds the hard limit on wall time
     * @param wallLimitHit whether the wall limit stopped the search: only then may the same data and configuration
     *                     choose differently on another night
     */
    public record Budget(double workUnits, double unitsSpent, double wallLimitSeconds, boolean wallLimitHit) {
    }

    public SelectionResult {
        candidates = List.copyOf(candidates);
    }

    public long evaluated() {
        return candidates.stream().filter(c -> c.status() == CandidateScore.Status.EVALUATED).count();
    }

    public long skipped() {
        return candidates.stream().filter(c -> c.status() == CandidateScore.Status.SKIPPED).count();
    }
}
