package com.beershop.reco.scoring;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores every user on all cores and keeps each one's top N recommendable items they have not rated.
 * Users with fewer than {@code minUserRatings} ratings get the most-popular recommendable items they have not
 * rated instead, so every known user gets N rows whenever N such items exist.
 */
public final class RecommendationScorer {

    private static final Logger log = LoggerFactory.getLogger(RecommendationScorer.class);
    private static final int USERS_PER_TASK = 256;

    private final int n;
    private final int minUserRatings;
    private final int threads;

    public RecommendationScorer(int n, int minUserRatings, int threads) {
        this.n = n;
        this.minUserRatings = minUserRatings;
        this.threads = Math.max(1, threads);
    }

    /**
     * @param model the model trained on {@code ratings}
     * @param recommendable items that may be recommended (active products)
     */
    public RecommendationLists scoreAll(TrainedModel model, InteractionMatrix ratings, boolean[] recommendable) {
        int numUsers = ratings.numUsers();
        RecommendationLists lists = new RecommendationLists(numUsers, n);
        float[] popularity = popularityScores(ratings);
        AtomicInteger nextBlock = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scoring");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    float[] scores = new float[ratings.numItems()];
                    int[] chosen = new int[n];
                    TopNSelector selector = new TopNSelector(n);
                    int[] slots = lists.slots();
                    int from;
                    while ((from = nextBlock.getAndAdd(USERS_PER_TASK)) < numUsers) {
                        int to = Math.min(numUsers, from + USERS_PER_TASK);
                        for (int user = from; user < to; user++) {
                            boolean fallback = ratings.rowSize(user) < minUserRatings;
                            float[] source = fallback ? popularity : scores;
                            if (!fallback) {
                                model.scoreUser(user, scores);
                            }
                            int count = selector.select(source, recommendable, ratings, user, chosen);
                            System.arraycopy(chosen, 0, slots, user * n, count);
                            lists.set(user, count, fallback);
                        }
                        long finished = done.addAndGet(to - from);
                        if (finished / 50_000 != (finished - (to - from)) / 50_000) {
                            log.info("Scored {}/{} users ({} s)", finished, numUsers, seconds(started));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scoring interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        log.info("Scored {} users in {} s on {} thread(s)", numUsers, seconds(started), threads);
        return lists;
    }

    /** The most-popular model's scores (ratings per item): the fallback for users the model knows too little about. */
    static float[] popularityScores(InteractionMatrix ratings) {
        float[] scores = new float[ratings.numItems()];
        new MostPopularTrainer().train(ratings, 0).scoreUser(0, scores);
        return scores;
    }

    private static String seconds(long startedNanos) {
        return String.format("%.2f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
