package net.librec.recommender;

import net.librec.common.LibrecException;
import net.librec.conf.Configuration;
import net.librec.data.DataModel;

/**
 * Reaches the protected parts of LibRec's recommenders that our adapter needs. It lives in LibRec's own package
 * because LibRec 2.0.0 has no public way to train without ranking every user ({@code recommend(context)} does
 * setup, training and a single-threaded, boxing top-N over all users in one call) and no public {@code predict}.
 * Only {@code com.beershop.reco.model.librec} should call this class.
 */
public final class LibrecBridge {

    private LibrecBridge() {
    }

    /** Runs LibRec's setup and training, without the ranking that {@code recommend(context)} would add. */
    public static void train(AbstractRecommender recommender, Configuration conf, DataModel dataModel)
            throws LibrecException {
        recommender.setContext(new RecommenderContext(conf, dataModel));
        recommender.setup();
        recommender.trainModel();
    }

    /** LibRec's own unbounded prediction for one pair, as its ranking uses it. */
    public static double predict(AbstractRecommender recommender, int user, int item) throws LibrecException {
        return recommender.predict(user, item);
    }

    /**
     * LibRec's own top-N ranking of every user (skipping rated items), as {@code recommend(context)} runs it.
     * Needs {@code rec.recommender.isranking=true} and {@code rec.recommender.ranking.topn} in the configuration
     * the recommender was trained with; the result is discarded: this exists to time it.
     */
    public static void rankAllUsers(AbstractRecommender recommender) throws LibrecException {
        recommender.recommendRank();
    }

    /** Mean of the training ratings, which rating predictors such as BiasedMF add to every prediction. */
    public static double globalMean(AbstractRecommender recommender) {
        return recommender.globalMean;
    }

    /** Learned user factors, one row per user; the live array, not a copy. */
    public static double[][] userFactors(MatrixFactorizationRecommender recommender) {
        return recommender.userFactors.getData();
    }

    /** Learned item factors, one row per item; the live array, not a copy. */
    public static double[][] itemFactors(MatrixFactorizationRecommender recommender) {
        return recommender.itemFactors.getData();
    }
}
