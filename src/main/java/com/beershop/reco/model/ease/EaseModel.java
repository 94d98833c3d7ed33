package com.beershop.reco.model.ease;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import java.util.Arrays;

/**
 * Scores a user as x_u · B: the sum of the weight rows of the items the user rated in the training data, each
 * weighted by how recent the rating is among the user's own when a profile half-life is set.
 * Keeps the training matrix because, unlike a factor model, EASE has no per-user state of its own.
 */
final class EaseModel implements TrainedModel {

    private final int numItems;
    private final float[] weights;
    private final InteractionMatrix ratings;
    /** ln 2 / half-life in minutes; 0: every rating of the profile weighs 1. */
    private final double decayPerMinute;

    EaseModel(int numItems, float[] weights, InteractionMatrix ratings) {
        this(numItems, weights, ratings, 0);
    }

    EaseModel(int numItems, float[] weights, InteractionMatrix ratings, double profileHalfLifeDays) {
        this.numItems = numItems;
        this.weights = weights;
        this.ratings = ratings;
        this.decayPerMinute = profileHalfLifeDays > 0 ? Math.log(2) / (profileHalfLifeDays * 24 * 60) : 0;
    }

    @Override
    public void scoreUser(int user, float[] scores) {
        Arrays.fill(scores, 0, numItems, 0f);
        if (user >= ratings.numUsers()) {
            return;
        }
        int latest = decayPerMinute > 0 ? latestTime(user) : InteractionMatrix.UNKNOWN_TIME;
        for (int e = ratings.rowStart(user); e < ratings.rowEnd(user); e++) {
            int o = ratings.itemAt(e) * numItems;
            float w = profileWeight(ratings.timeAt(e), latest);
            for (int j = 0; j < numItems; j++) {
                scores[j] += w * weights[o + j];
            }
        }
    }

    private int latestTime(int user) {
        int latest = InteractionMatrix.UNKNOWN_TIME;
        for (int e = ratings.rowStart(user); e < ratings.rowEnd(user); e++) {
            latest = Math.max(latest, ratings.timeAt(e));
        }
        return latest;
    }

    /** 1 without decay or without times; a rating of unknown time beside known ones counts as very old. */
    private float profileWeight(int time, int latest) {
        if (decayPerMinute == 0 || latest == InteractionMatrix.UNKNOWN_TIME) {
            return 1f;
        }
        if (time == InteractionMatrix.UNKNOWN_TIME) {
            return 0f;
        }
        return (float) Math.exp(-decayPerMinute * ((double) latest - time));
    }

    /** Weight of item {@code from} in the score of item {@code to}; for tests and diagnostics. */
    float weight(int from, int to) {
        return weights[from * numItems + to];
    }
}
