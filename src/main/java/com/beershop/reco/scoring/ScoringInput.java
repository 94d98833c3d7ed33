package com.beershop.reco.scoring;

import com.beershop.reco.model.InteractionMatrix;

/**
 * What a list is made from besides the model's scores: the ratings (what a user rated stays out of their list, and a
 * user with too few gets the most-popular fallback), which items may be recommended, and each item's style for the
 * style re-rank. Scoring, the hold-out evaluation and model selection take the three together. The run's is its
 * {@code ingest.TrainingData}.
 */
public interface ScoringInput {

    InteractionMatrix ratings();

    /** Items that may be recommended (active products); null: every item. */
    boolean[] recommendable();

    /** Each item's style number (-1: none), for the style re-rank; null when lists are not re-ranked by style. */
    int[] styleOfItem();

    static ScoringInput of(InteractionMatrix ratings, boolean[] recommendable, int[] styleOfItem) {
        return new Given(ratings, recommendable, styleOfItem);
    }

    /** Every item recommendable, no styles. */
    static ScoringInput of(InteractionMatrix ratings) {
        return of(ratings, null, null);
    }

    /** The three as given. */
    record Given(InteractionMatrix ratings, boolean[] recommendable, int[] styleOfItem) implements ScoringInput {
    }
}
