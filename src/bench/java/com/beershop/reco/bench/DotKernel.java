package com.beershop.reco.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The machine's float dot-product throughput for dot products of length k, the work scoring does per user/item
 * pair: one user vector against a row-major items x k matrix, on 1 thread and on all of them. The number scoring
 * is held against.
 */
final class DotKernel {

    private DotKernel() {
    }

    /** The two ways to compute one user's k-long dot products with every item. */
    enum Layout {
        /** items x k row-major, one dot product per item: the textbook loop. */
        DOT,
        /** k x items factor-major, k multiply-add passes over the items: what FactorModel does. */
        FACTOR_MAJOR
    }

    /** @return GFLOP/s (2k flops per user/item pair) summed over {@code threads} threads */
    static double gflops(Layout layout, int k, int numItems, int threads, double seconds)
            throws InterruptedException {
        float[] items = random(numItems * k, 1);
        float[][] columns = new float[k][numItems];
        for (int i = 0; i < numItems; i++) {
            for (int f = 0; f < k; f++) {
                columns[f][i] = items[i * k + f];
            }
        }
        DoubleAdder flops = new DoubleAdder();
        CountDownLatch done = new CountDownLatch(threads);
        long[] elapsed = new long[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                float[] user = random(k, 100 + id);
                float[] scores = new float[numItems];
                // warm-up so the JIT has compiled the loop before timing
                long warmEnd = System.nanoTime() + 500_000_000L;
                while (System.nanoTime() < warmEnd) {
                    run(layout, user, items, columns, k, scores);
                }
                long start = System.nanoTime();
                long end = start + (long) (seconds * 1e9);
                long calls = 0;
                float sink = 0;
                while (System.nanoTime() < end) {
                    run(layout, user, items, columns, k, scores);
                    sink += scores[(int) (calls++ % numItems)];
                    user[0] += sink * 1e-30f;
                }
                elapsed[id] = System.nanoTime() - start;
                flops.add(2.0 * k * numItems * calls / (elapsed[id] / 1e9));
                done.countDown();
            });
            thread.start();
        }
        done.await();
        return flops.sum() / 1e9;
    }

    private static void run(Layout layout, float[] user, float[] items, float[][] columns, int k, float[] scores) {
        if (layout == Layout.DOT) {
            dots(user, items, k, scores);
        } else {
            multiplyAdd(user, columns, scores);
        }
    }

    /** Factor-major: scores[i] = sum over f of user[f] * columns[f][i], one pass per factor. */
    static void multiplyAdd(float[] user, float[][] columns, float[] scores) {
        Arrays.fill(scores, 0f);
        for (int f = 0; f < user.length; f++) {
            float a = user[f];
            float[] c = columns[f];
            for (int i = 0; i < scores.length; i++) {
                scores[i] += a * c[i];
            }
        }
    }

    /** The plain kernel: for each item, a k-long dot product of two contiguous float vectors. */
    static void dots(float[] user, float[] items, int k, float[] scores) {
        for (int item = 0, io = 0; item < scores.length; item++, io += k) {
            float dot = 0f;
            for (int f = 0; f < k; f++) {
                dot += user[f] * items[io + f];
            }
            scores[item] = dot;
        }
    }

    private static float[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian() * 0.1f;
        }
        return values;
    }
}
