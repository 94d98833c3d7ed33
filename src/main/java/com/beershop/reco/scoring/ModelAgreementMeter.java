package com.beershop.reco.scoring;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Workers;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Measures {@link ModelAgreement} on a seeded sample of the users the model scores (enough ratings): both models'
 * lists are picked as the published lists are (same policy, same exclusions), but without the popularity fallback,
 * so a user whose scores are all non-finite has an empty list there.
 */
final class ModelAgreementMeter {

    private static final int USERS_PER_TASK = 64;

    private final ListPolicy policy;
    private final int minUserRatings;
    private final Workers workers;

    ModelAgreementMeter(ListPolicy policy, int minUserRatings, Workers workers) {
        this.policy = policy;
        this.minUserRatings = minUserRatings;
        this.workers = workers;
    }

    ModelAgreement measure(TrainedModel published, TrainedModel judged, ScoringInput input, int maxUsers, long seed) {
        InteractionMatrix ratings = input.ratings();
        boolean[] recommendable = input.recommendable();
        int[] styleOfItem = input.styleOfItem();
        int[] sample = sample(ratings, maxUsers, seed);
        int n = policy.topN();
        int[] publishedLists = new int[sample.length * n];
        int[] judgedLists = new int[sample.length * n];
        int[] publishedCounts = new int[sample.length];
        int[] judgedCounts = new int[sample.length];
        AtomicIntegerArray finite = new AtomicIntegerArray(2);
        workers.forEachBlock(sample.length, USERS_PER_TASK, (block, from, to) -> {
            float[] scores = new float[ratings.numItems()];
            int[] chosen = new int[n];
            ListPicker picker = policy.newPicker(styleOfItem);
            for (int i = from; i < to; i++) {
                int user = sample[i];
                published.scoreUser(user, scores);
                publishedCounts[i] = picker.pick(scores, recommendable, ratings, user, chosen);
                System.arraycopy(chosen, 0, publishedLists, i * n, publishedCounts[i]);
                finite.addAndGet(0, picker.nonFiniteScores() == 0 ? 1 : 0);
                judged.scoreUser(user, scores);
                judgedCounts[i] = picker.pick(scores, recommendable, ratings, user, chosen);
                System.arraycopy(chosen, 0, judgedLists, i * n, judgedCounts[i]);
                finite.addAndGet(1, picker.nonFiniteScores() == 0 ? 1 : 0);
            }
        });
        double jaccardSum = 0;
        BitSet publishedItems = new BitSet(ratings.numItems());
        BitSet judgedItems = new BitSet(ratings.numItems());
        for (int i = 0; i < sample.length; i++) {
            BitSet a = listOf(publishedLists, i * n, publishedCounts[i]);
            BitSet b = listOf(judgedLists, i * n, judgedCounts[i]);
            publishedItems.or(a);
            judgedItems.or(b);
            jaccardSum += jaccard(a, b);
        }
        int users = sample.length;
        return new ModelAgreement(users, users == 0 ? 1 : jaccardSum / users, publishedItems.cardinality(),
                judgedItems.cardinality(), users == 0 ? 1 : finite.get(0) / (double) users,
                users == 0 ? 1 : finite.get(1) / (double) users);
    }

    /** Two empty lists agree; an empty list and a full one do not. */
    static double jaccard(BitSet a, BitSet b) {
        BitSet union = (BitSet) a.clone();
        union.or(b);
        if (union.isEmpty()) {
            return 1;
        }
        BitSet common = (BitSet) a.clone();
        common.and(b);
        return common.cardinality() / (double) union.cardinality();
    }

    private static BitSet listOf(int[] lists, int from, int count) {
        BitSet items = new BitSet();
        for (int k = from; k < from + count; k++) {
            items.set(lists[k]);
        }
        return items;
    }

    /** Up to {@code maxUsers} users with enough ratings, in user order; which ones depends only on the seed. */
    private int[] sample(InteractionMatrix ratings, int maxUsers, long seed) {
        int eligible = 0;
        for (int u = 0; u < ratings.numUsers(); u++) {
            eligible += ratings.rowSize(u) >= minUserRatings ? 1 : 0;
        }
        double keep = Math.min(1, maxUsers / (double) Math.max(1, eligible));
        SplittableRandom random = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
        int[] chosen = new int[Math.min(maxUsers, eligible)];
        int size = 0;
        for (int u = 0; u < ratings.numUsers() && size < chosen.length; u++) {
            // one draw per eligible user, so the sample depends only on the seed and the ratings
            if (ratings.rowSize(u) >= minUserRatings && random.nextDouble() < keep) {
                chosen[size++] = u;
            }
        }
        return java.util.Arrays.copyOf(chosen, size);
    }
}
