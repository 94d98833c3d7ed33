package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.AlgorithmSpec;
import java.util.List;

/**
 * What a model selection chose and everything it tried, in the order tried.
 *
 * @param usersSampled users of the selection data (all training users unless sampled)
 * @param ratingsUsed ratings of the selection data before its validation split
 * @param seconds wall time of the whole selection
 */
public record SelectionResult(AlgorithmSpec chosen, double chosenNdcg, List<CandidateScore> candidates,
                              int usersSampled, int ratingsUsed, double seconds) {

    public SelectionResult {
        candidates = List.copyOf(candidates);
    }

    public long evaluated() {
        return candidates.stream().filter(c -> c.status() == CandidateScore.Status.EVALUATED).count();
    }
}
