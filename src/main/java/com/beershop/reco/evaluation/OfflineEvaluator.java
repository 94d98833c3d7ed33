package com.beershop.reco.evaluation;

import com.beershop.reco.model.IndexRanges;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.Workers;
import com.beershop.reco.scoring.ListMaker;
import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;
import java.util.Arrays;
import java.util.BitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline top-N evaluation on a per-user hold-out: train on the training part, recommend N items per test user
 * (excluding the user's training items and items outside {@code allowedItems}), and compare with the held-out
 * items. Make the split once with {@link HoldoutSplit#perUser} and call {@link #evaluate(Trainer, HoldoutSplit)}
 * for each candidate so that all of them, including the most-popular baseline, see the same split.
 *
 * <p>The lists come from {@link ListMaker}, the maker of the published lists, so the gate judges what the website
 * would show: items outside {@code allowedItems} (inactive and unknown products) and the user's own training ratings
 * never appear, users with fewer than {@code minUserRatings} training ratings (and users the model gives no finite
 * score) get the most-popular fallback, and the {@link ListPolicy}'s style re-rank, when on, reorders every list.
 * A held-out item that may not be recommended cannot be hit, so it is not counted as relevant; users left
 * with no relevant item are not evaluated. Training and scoring run on the run's {@link Workers}; scoring goes over
 * fixed blocks of users and per-user results are summed in user order, so the metrics do not depend on the thread
 * count.
 */
public final class OfflineEvaluator {

    private static final Logger log = LoggerFactory.getLogger(OfflineEvaluator.class);
    private static final int BLOCK = 256;

    private final int n;
    private final ListPolicy lists;
    private final int[] styleOfItem;
    private final boolean[] allowedItems;
    private final int minUserRatings;
    private final int maxUsers;
    private final Workers workers;

    /**
     * @param n length of each recommendation list
     * @param allowedItems items that may be recommended, or null for all
     * @param workers the threads that train and score
     */
    public OfflineEvaluator(int n, boolean[] allowedItems, Workers workers) {
        this(n, allowedItems, 0, workers);
    }

    /**
     * @param minUserRatings users with fewer training ratings are ranked by popularity, as publishing does
     */
    public OfflineEvaluator(int n, boolean[] allowedItems, int minUserRatings, Workers workers) {
        this(ListPolicy.topN(n), allowedItems, null, minUserRatings, 0, workers);
    }

    /**
     * @param lists how each list is made from the scores, as publishing makes it
     * @param styleOfItem each item's style number (-1: none), for the style re-rank; null when it is off
     * @param minUserRatings users with fewer training ratings are ranked by popularity, as publishing does
     * @param maxUsers above this many users with held-out ratings, a seeded sample of about this many is scored
     *                 (0: all): the metrics' noise is already tiny there, and scoring every user against every
     *                 item grows with users x items. Not for rating models (their RMSE needs every user).
     */
    public OfflineEvaluator(ListPolicy lists, boolean[] allowedItems, int[] styleOfItem, int minUserRatings,
                            int maxUsers, Workers workers) {
        if (maxUsers < 0) {
            throw new IllegalArgumentException("maxUsers must not be negative, was " + maxUsers);
        }
        this.maxUsers = maxUsers;
        this.n = lists.topN();
        this.lists = lists;
        this.styleOfItem = styleOfItem;
        this.allowedItems = allowedItems == null ? null : allowedItems.clone();
        this.minUserRatings = minUserRatings;
        this.workers = workers;
        lists.newPicker(styleOfItem); // a re-rank without styles fails here, not after training
    }

    /** Splits {@code ratings} per user with {@code seed}, then evaluates {@code trainer} on that split. */
    public EvaluationResult evaluate(Trainer trainer, InteractionMatrix ratings, double testFraction, long seed) {
        return evaluate(trainer, HoldoutSplit.perUser(ratings, testFraction, seed));
    }

    /** Trains {@code trainer} on the split's training part (with the split's seed) and evaluates it. */
    public EvaluationResult evaluate(Trainer trainer, HoldoutSplit split) {
        return evaluateTrained(trainer, split).result();
    }

    /**
     * A result and the model it measured (trained on the split's training part).
     *
     * @param userNdcg each user's nDCG@N, by user index; NaN for the users not evaluated (nothing recommendable held
     *                 out, or outside the scored sample): what a paired comparison of two models on one split needs
     */
    public record Evaluated(EvaluationResult result, TrainedModel model, double[] userNdcg) {
    }

    /** As {@link #evaluate(Trainer, HoldoutSplit)}, also handing back the trained model. */
    public Evaluated evaluateTrained(Trainer trainer, HoldoutSplit split) {
        InteractionMatrix train = split.train();
        if (allowedItems != null && allowedItems.length != train.numItems()) {
            throw new IllegalArgumentException(
                    "allowedItems has " + allowedItems.length + " entries for " + train.numItems() + " items");
        }
        long trainStart = System.nanoTime();
        TrainedModel model = workers.call(() -> trainer.train(train, split.seed()));
        double trainSeconds = secondsSince(trainStart);

        long scoreStart = System.nanoTime();
        int numUsers = split.numUsers();
        int numItems = train.numItems();
        boolean errors = model.predictsRatings();
        // the lists publishing would make from this model, on the training part: one maker for both
        ListMaker maker = new ListMaker(model, ScoringInput.of(train, allowedItems, styleOfItem), lists,
                minUserRatings);
        double[] precision = new double[numUsers];
        double[] recall = new double[numUsers];
        double[] ndcg = new double[numUsers];
        Arrays.fill(ndcg, Double.NaN); // stays NaN for a user not evaluated: the paired comparisons skip them
        double[] ap = new double[numUsers];
        boolean[] evaluated = new boolean[numUsers];
        float[] predicted = errors ? new float[split.numTestRatings()] : null;
        BitSet[] recommendedPerBlock = new BitSet[IndexRanges.blocks(numUsers, BLOCK)];
        ScoredUsers sample = errors ? ScoredUsers.ALL : ScoredUsers.of(split, maxUsers);
        workers.forEachBlock(numUsers, BLOCK, (block, from, to) -> {
            ListMaker.ForThread lister = maker.forThread();
            int[] out = new int[n];
            BitSet recommended = new BitSet(numItems);
            for (int u = from; u < to; u++) {
                if (split.testSize(u) == 0 || !sample.includes(u)) {
                    continue;
                }
                if (errors) {
                    float[] scores = lister.scores(u);
                    int offset = split.testOffset(u);
                    int[] items = split.testItems(u);
                    for (int j = 0; j < items.length; j++) {
                        predicted[offset + j] = scores[items[j]];
                    }
                }
                int[] relevant = relevantItems(split.testItems(u));
                if (relevant.length == 0) {
                    continue;
                }
                int[] ranked = Arrays.copyOf(out, lister.make(u, out));
                for (int item : ranked) {
                    recommended.set(item);
                }
                precision[u] = RankingMetrics.precision(ranked, relevant, n);
                recall[u] = RankingMetrics.recall(ranked, relevant, n);
                ndcg[u] = RankingMetrics.ndcg(ranked, relevant, n);
                ap[u] = RankingMetrics.averagePrecision(ranked, relevant, n);
                evaluated[u] = true;
            }
            recommendedPerBlock[block] = recommended;
        });
        double scoreSeconds = secondsSince(scoreStart);

        BitSet recommended = new BitSet(numItems);
        for (BitSet blockItems : recommendedPerBlock) {
            recommended.or(blockItems);
        }
        int users = 0;
        double sumPrecision = 0;
        double sumRecall = 0;
        double sumNdcg = 0;
        double sumAp = 0;
        for (int u = 0; u < numUsers; u++) {
            if (evaluated[u]) {
                users++;
                sumPrecision += precision[u];
                sumRecall += recall[u];
                sumNdcg += ndcg[u];
                sumAp += ap[u];
            }
        }
        int recommendable = numItems;
        if (allowedItems != null) {
            recommendable = 0;
            for (boolean allowed : allowedItems) {
                recommendable += allowed ? 1 : 0;
            }
        }
        double rmse = Double.NaN;
        double mae = Double.NaN;
        if (errors) {
            float[] actual = split.allTestValues();
            rmse = RatingErrorMetrics.rmse(predicted, actual);
            mae = RatingErrorMetrics.mae(predicted, actual);
        }
        EvaluationResult result = new EvaluationResult(trainer.algorithm(), trainer.effectiveParams(), users,
                mean(sumPrecision, users), mean(sumRecall, users), mean(sumNdcg, users), mean(sumAp, users),
                RankingMetrics.coverage(recommended, recommendable), rmse, mae, trainSeconds, scoreSeconds);
        log.info("evaluated {}", result);
        return new Evaluated(result, model, ndcg);
    }

    private int[] relevantItems(int[] heldOut) {
        if (allowedItems == null) {
            return heldOut;
        }
        int count = 0;
        for (int item : heldOut) {
            if (allowedItems[item]) {
                heldOut[count++] = item;
            }
        }
        return Arrays.copyOf(heldOut, count);
    }

    private static double mean(double sum, int count) {
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
