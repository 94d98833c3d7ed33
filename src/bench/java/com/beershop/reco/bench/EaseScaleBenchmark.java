package com.beershop.reco.bench;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.ease.EaseTrainer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * EASE training time and heap by catalogue size, on random binary data (50 ratings per user, users = 5 x items):
 * the time is the factorisation and solves (items³), which do not depend on what the ratings are.
 * Run with the heap of the pod: {@code java -Xmx3g -cp ... EaseScaleBenchmark 2000 5000 10000}.
 */
public final class EaseScaleBenchmark {

    private EaseScaleBenchmark() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            int items = Integer.parseInt(arg);
            InteractionMatrix ratings = randomRatings(items * 5, items, 50, items);
            System.gc();
            long start = System.nanoTime();
            new EaseTrainer(300, 46_340).train(ratings, 42);
            double seconds = (System.nanoTime() - start) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "EASE items=%d users=%d ratings=%d train_s=%.2f heap_used_mb=%d cores=%d%n",
                    items, ratings.numUsers(), ratings.numRatings(), seconds,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.availableProcessors());
        }
    }

    private static InteractionMatrix randomRatings(int users, int items, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int u = 0; u < users; u++) {
            java.util.BitSet taken = new java.util.BitSet(items);
            for (int r = 0; r < perUser; r++) {
                int item = random.nextInt(items);
                if (!taken.get(item)) {
                    taken.set(item);
                    builder.add(u, item, 1f, Long.MIN_VALUE);
                }
            }
        }
        return builder.build(users, items);
    }
}
