package com.beershop.reco.model.ease;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import java.util.Arrays;

/**
 * Scores a user as x_u · B: the sum of the weight rows of the items the user rated in the training data.
 * Keeps the training matrix because, unlike a factor model, EASE has no per-user state of its own.
 */
final class EaseModel implements TrainedModel {

    private final int numItems;
    private final float[] weights;
    private final InteractionMatrix ratings;

    EaseModel(int numItems, float[] weights, InteractionMatrix ratings) {
        this.numItems = numItems;
        this.weights = weights;
        this.ratings = ratings;
    }

    @Override
    public void scoreUser(int user, float[] scores) {
        Arrays.fill(scores, 0, numItems, 0f);
        if (user >= ratings.numUsers()) {
            return;
        }
        for (int e = ratings.rowStart(user); e < ratings.rowEnd(user); e++) {
            int o = ratings.itemAt(e) * numItems;
            for (int j = 0; j < numItems; j++) {
                scores[j] += weights[o + j];
            }
        }
    }

    /** Weight of item {@code from} in the score of item {@code to}; for tests and diagnostics. */
    float weight(int from, int to) {
        return weights[from * numItems + to];
    }
}
