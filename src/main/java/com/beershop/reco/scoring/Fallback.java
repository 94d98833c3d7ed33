package com.beershop.reco.scoring;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import com.beershop.reco.model.popularity.RecentPopularTrainer;

/** What a user the model cannot serve (too few ratings, or no finite score) gets instead: one shared ranking. */
public enum Fallback {
    /** The products with the most ratings of all time. */
    MOST_POPULAR,
    /** Trending: the products rated most lately ({@code recent-popular} with its default 14-day half-life). */
    RECENT_POPULAR;

    /** A trainer of the ranking; it is trained on the ratings the lists are made from. */
    public Trainer trainer() {
        return this == MOST_POPULAR
                ? new MostPopularTrainer()
                : RecentPopularTrainer.fromSpec(AlgorithmSpec.parse(RecentPopularTrainer.NAME));
    }
}
