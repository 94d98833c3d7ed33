package com.beershop.reco.ingest;

import com.beershop.reco.model.IdDictionary;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.scoring.ScoringInput;
import java.util.Arrays;

/**
 * Everything the model steps need from ingestion: the ratings matrix with its id dictionaries, which item
 * indexes may be recommended (active products of the catalogue), and each item's style as a number (-1 for a
 * product without a style or not in the catalogue), for the style re-rank and its diversity figures. Scoring,
 * evaluation and model selection take it as their {@link ScoringInput}.
 */
public record TrainingData(IdDictionary users, IdDictionary products, InteractionMatrix ratings,
                           boolean[] recommendable, int[] styleOfItem) implements ScoringInput {

    /** Without styles: every item counts as a style of its own. */
    public TrainingData(IdDictionary users, IdDictionary products, InteractionMatrix ratings, boolean[] recommendable) {
        this(users, products, ratings, recommendable, noStyles(recommendable.length));
    }

    private static int[] noStyles(int items) {
        int[] styles = new int[items];
        Arrays.fill(styles, -1);
        return styles;
    }

    public int recommendableCount() {
        int count = 0;
        for (boolean r : recommendable) {
            if (r) {
                count++;
            }
        }
        return count;
    }
}
