package com.beershop.reco.scoring;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Scores every user on the run's {@link Workers} and keeps each one's top N recommendable items they have not rated.
 * Users with fewer than {@code minUserRatings} ratings, and users for whom the model gave no finite score at all,
 * get the most-popular recommendable items they have not rated instead, so every known user gets N rows whenever N
 * such items exist. Each list is made as its
 * {@link ListPolicy} says (the style re-rank, when on).
 */
public final class RecommendationScorer {

    private static final Logger log = LoggerFactory.getLogger(RecommendationScorer.class);
    private static final int USERS_PER_TASK = 256;
    /** Users compared between the published and the judged model: enough for a mean overlap, cheap to score. */
    public static final int AGREEMENT_SAMPLE_USERS = 1000;

    private final ListPolicy policy;
    private final int n;
    private final int minUserRatings;
    private final Workers workers;

    public RecommendationScorer(int n, int minUserRatings, Workers workers) {
        this(ListPolicy.topN(n), minUserRatings, workers);
    }

    public RecommendationScorer(ListPolicy policy, int minUserRatings, Workers workers) {
        this.policy = policy;
        this.n = policy.topN();
        this.minUserRatings = minUserRatings;
        this.workers = workers;
    }

    /** Scores without styles: for a policy that does not re-rank. */
    public RecommendationLists scoreAll(TrainedModel model, InteractionMatrix ratings, boolean[] recommendable) {
        return scoreAll(model, ScoringInput.of(ratings, recommendable, null));
    }

    /**
     * @param model the model trained on the input's ratings
     * @param input the ratings, what may be recommended, and the styles for the style re-rank (null when it is off)
     */
    public RecommendationLists scoreAll(TrainedModel model, ScoringInput input) {
        ListMaker maker = new ListMaker(model, input, policy, minUserRatings);
        int numUsers = input.ratings().numUsers();
        RecommendationLists lists = new RecommendationLists(numUsers, n);
        AtomicLong done = new AtomicLong();
        AtomicLong nonFiniteUsers = new AtomicLong();
        AtomicLong nonFiniteFallbackUsers = new AtomicLong();
        long started = System.nanoTime();
        // each block writes only its own users' slots, so the lists do not depend on the thread count
        workers.forEachBlock(numUsers, USERS_PER_TASK, (block, from, to) -> {
            ListMaker.ForThread lister = maker.forThread();
            int[] chosen = new int[n];
            int[] slots = lists.slots();
            for (int user = from; user < to; user++) {
                int count = lister.make(user, chosen);
                if (lister.metNonFinite()) {
                    nonFiniteUsers.incrementAndGet();
                }
                if (lister.source() == ListMaker.Source.NO_FINITE_SCORE) {
                    nonFiniteFallbackUsers.incrementAndGet();
                }
                System.arraycopy(chosen, 0, slots, user * n, count);
                lists.set(user, count, lister.source() == ListMaker.Source.FEW_RATINGS);
            }
            long finished = done.addAndGet(to - from);
            if (finished / 50_000 != (finished - (to - from)) / 50_000) {
                log.info("Scored {}/{} users ({} s)", finished, numUsers, seconds(started));
            }
        });
        log.info("Scored {} users in {} s on {}", numUsers, seconds(started), workers);
        if (nonFiniteUsers.get() > 0) {
            log.warn("The model gave NaN or infinite scores for {} of {} users it scored; those scores were left out "
                    + "of their lists, and the {} users with no finite score got the most-popular fallback",
                    nonFiniteUsers.get(), lists.modelUsers(), nonFiniteFallbackUsers.get());
        }
        lists.nonFiniteUsers(nonFiniteUsers.get(), nonFiniteFallbackUsers.get());
        if (input.styleOfItem() != null) {
            lists.diversity(ListDiversity.of(lists, input.styleOfItem()));
        }
        return lists;
    }

    /**
     * Compares the published model's lists with the judged model's on a seeded sample of at most
     * {@value #AGREEMENT_SAMPLE_USERS} users the model scores, and keeps the result with {@code lists} for the
     * publish guards.
     */
    public ModelAgreement measureAgreement(RecommendationLists lists, TrainedModel published, TrainedModel judged,
                                           ScoringInput input, long seed) {
        ModelAgreement agreement = new ModelAgreementMeter(policy, minUserRatings, workers)
                .measure(published, judged, input, AGREEMENT_SAMPLE_USERS, seed);
        lists.agreement(agreement);
        return agreement;
    }

    private static String seconds(long startedNanos) {
        return String.format("%.2f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
