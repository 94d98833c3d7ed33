package com.beershop.reco.model.librec;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.FactorModel;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.popularity.ItemPopularityModel;
import net.librec.common.LibrecException;
import net.librec.conf.Configuration;
import net.librec.math.algorithm.Randoms;
import net.librec.math.structure.SparseMatrix;
import net.librec.recommender.AbstractRecommender;
import net.librec.recommender.LibrecBridge;
import net.librec.recommender.MatrixFactorizationRecommender;
import net.librec.recommender.cf.rating.BiasedMFBridge;
import net.librec.recommender.cf.rating.BiasedMFRecommender;

import java.util.Map;
import java.util.TreeSet;

/**
 * Trains a LibRec 2.0.0 algorithm and copies what it learned into one of our own models, so nothing outside
 * this package sees a LibRec type. Algorithms and their parameters (our names; defaults in brackets):
 * <ul>
 *   <li>{@code librec-mostpopular}: no parameters; scores items by their number of ratings.</li>
 *   <li>{@code librec-biasedmf}: factors [32], iterations [20], learn-rate [0.01], reg [0.01], reg-user, reg-item
 *       [reg], reg-bias [0.01]. Predicts ratings: global mean + user bias + item bias + dot product.</li>
 *   <li>{@code librec-bpr}: factors, iterations, learn-rate, reg, reg-user, reg-item.</li>
 *   <li>{@code librec-wrmf}: factors, iterations, reg, reg-user, reg-item, alpha [4]. LibRec's confidence is
 *       {@code 1 + log(1 + 10^alpha * r)}, not the paper's {@code 1 + alpha * r}.</li>
 *   <li>{@code librec-eals}: factors, iterations, reg, reg-user, reg-item, alpha [4] (positive weight
 *       {@code 1 + alpha * r}), eals-ratio [0.4], eals-overall [128], eals-wrmf-judge [1; 0 = eALS popularity
 *       weights for missing data, 1 = WRMF-style weights, 2 = both].</li>
 * </ul>
 * Training is serialized JVM-wide (see {@link #train}); the returned models are independent of LibRec and safe
 * to score from many threads.
 */
public final class LibrecTrainer implements Trainer {

    /**
     * LibRec keeps its state in statics: one global random generator ({@code Randoms}) that every algorithm
     * draws from, and static fields in {@code AbstractRecommender} ({@code verbose}, {@code ratingScale}) that
     * each setup overwrites. Two trainings at once would interleave draws from the generator, so neither would
     * be reproducible from its seed. One at a time per JVM, then.
     */
    private static final Object LIBREC_LOCK = new Object();

    private final AlgorithmSpec spec;
    private final LibrecAlgorithm algorithm;
    private final Map<String, String> settings;

    private LibrecTrainer(AlgorithmSpec spec, LibrecAlgorithm algorithm, Map<String, String> settings) {
        this.spec = spec;
        this.algorithm = algorithm;
        this.settings = settings;
    }

    /**
     * @throws InvalidAlgorithmSpecException when the name is not a LibRec algorithm we offer, or a parameter is
     *                                       unknown to it or not a valid number
     */
    public static LibrecTrainer fromSpec(AlgorithmSpec spec) {
        LibrecAlgorithm algorithm = LibrecAlgorithm.byName(spec.name());
        if (algorithm == null) {
            throw new InvalidAlgorithmSpecException("unknown LibRec algorithm '" + spec.name() + "' (known: "
                    + new TreeSet<>(LibrecAlgorithm.names()) + ")");
        }
        return new LibrecTrainer(spec, algorithm, Map.copyOf(algorithm.librecSettings(spec)));
    }

    /** The algorithm names this trainer accepts, in a stable order. */
    public static java.util.List<String> algorithmNames() {
        return java.util.List.copyOf(new TreeSet<>(LibrecAlgorithm.names()));
    }

    @Override
    public String algorithm() {
        return algorithm.algorithmName;
    }

    /**
     * Trains with LibRec and returns our copy of the learned model. Blocks while another LibRec training runs in
     * this JVM, because LibRec's random generator and some of its fields are global.
     *
     * @throws IllegalArgumentException when there are no ratings, or BPR has no user to sample from
     * @throws IllegalStateException when LibRec fails (for example a loss that became NaN)
     */
    @Override
    public TrainedModel train(InteractionMatrix ratings, long seed) {
        return trainNative(ratings, seed, 0).model();
    }

    /**
     * Trains like {@link #train}, then times LibRec's own top-N ranking of every user (single-threaded, boxed;
     * what {@code recommend(context)} would run). For benchmarks only.
     *
     * @return seconds spent ranking, training excluded
     */
    public double timeNativeRanking(InteractionMatrix ratings, long seed, int topN) {
        if (topN < 1) {
            throw new IllegalArgumentException("topN must be at least 1, was " + topN);
        }
        synchronized (LIBREC_LOCK) {
            NativeRun run = trainNative(ratings, seed, topN);
            long start = System.nanoTime();
            try {
                LibrecBridge.rankAllUsers(run.recommender());
            } catch (LibrecException e) {
                throw new IllegalStateException(spec + ": LibRec ranking failed", e);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * A trained LibRec recommender next to our copy of it, so tests can hold LibRec's own predictions against
     * ours. Calling {@link #librecPredict} after training touches only this recommender's own fields.
     */
    record NativeRun(AbstractRecommender recommender, TrainedModel model) {

        double librecPredict(int user, int item) {
            try {
                return LibrecBridge.predict(recommender, user, item);
            } catch (LibrecException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** @param topN above 0 configures LibRec for ranking, so {@code recommendRank()} can run afterwards */
    NativeRun trainNative(InteractionMatrix ratings, long seed, int topN) {
        if (ratings.numRatings() == 0) {
            throw new IllegalArgumentException(spec + ": LibRec cannot train on an empty ratings matrix");
        }
        synchronized (LIBREC_LOCK) {
            // LibRec writes into its configuration during setup, so every training starts from a fresh one
            Configuration conf = new Configuration();
            settings.forEach(conf::set);
            conf.setBoolean("rec.recommender.isranking", topN > 0);
            if (topN > 0) {
                conf.setInt("rec.recommender.ranking.topn", topN);
            }
            conf.setBoolean("rec.recommender.earlystop", false);
            InMemoryDataModel dataModel = new InMemoryDataModel(ratings, conf);
            if (algorithm == LibrecAlgorithm.BPR) {
                requireSamplableUser(dataModel.train());
            }
            AbstractRecommender recommender = algorithm.newRecommender();
            Randoms.seed(seed);
            try {
                LibrecBridge.train(recommender, conf, dataModel);
            } catch (LibrecException e) {
                throw new IllegalStateException(spec + ": LibRec training failed", e);
            }
            return new NativeRun(recommender, copyModel(recommender, dataModel.train()));
        }
    }

    private TrainedModel copyModel(AbstractRecommender recommender, SparseMatrix train) {
        if (recommender instanceof MatrixFactorizationRecommender mf) {
            // rows are never empty here: training needs at least one rating, so one user and one item
            double[][] users = LibrecBridge.userFactors(mf);
            double[][] items = LibrecBridge.itemFactors(mf);
            int k = items[0].length;
            if (mf instanceof BiasedMFRecommender biased) {
                // LibRec: dot + userBias + itemBias + globalMean
                return new FactorModel(k, flatten(users), flatten(items),
                        toFloats(BiasedMFBridge.userBiases(biased)), toFloats(BiasedMFBridge.itemBiases(biased)),
                        (float) LibrecBridge.globalMean(biased), true);
            }
            if (algorithm.isPureFactorModel()) {
                // LibRec: MatrixFactorizationRecommender.predict, the plain dot product
                return FactorModel.of(k, flatten(users), flatten(items));
            }
        }
        if (algorithm == LibrecAlgorithm.MOST_POPULAR) {
            // LibRec's MostPopular predicts columnSize(item): the number of non-zero ratings of the item
            float[] counts = new float[train.numColumns()];
            for (int item = 0; item < counts.length; item++) {
                counts[item] = train.columnSize(item);
            }
            return new ItemPopularityModel(counts);
        }
        throw new IllegalStateException("no model copy for " + algorithm);
    }

    /** BPR's sampler loops forever unless some user has rated at least one item but not all of them. */
    private void requireSamplableUser(SparseMatrix train) {
        for (int user = 0; user < train.numRows(); user++) {
            int rated = train.rowSize(user);
            if (rated > 0 && rated < train.numColumns()) {
                return;
            }
        }
        throw new IllegalArgumentException(spec + ": BPR needs a user who rated some but not all items");
    }

    private static float[] flatten(double[][] rows) {
        int k = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * k];
        for (int r = 0; r < rows.length; r++) {
            for (int f = 0; f < k; f++) {
                flat[r * k + f] = (float) rows[r][f];
            }
        }
        return flat;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    @Override
    public Map<String, Object> effectiveParams() {
        return algorithm.effectiveParams(spec);
    }

    @Override
    public String toString() {
        return Trainer.describe(effectiveParams());
    }
}
