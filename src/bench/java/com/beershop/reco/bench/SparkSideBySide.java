package com.beershop.reco.bench;

import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.evaluation.RankingMetrics;
import com.beershop.reco.ingest.Product;
import com.beershop.reco.ingest.ProductCatalog;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.RawRating;
import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.ials.ImplicitAlsTrainer;
import com.beershop.reco.sample.SampleDataGenerator;
import com.beershop.reco.sample.SampleSize;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

/**
 * Spark MLlib's implicit ALS and {@code recommendForAllUsers} on the data the benchmark just loaded, in a JVM of
 * its own (started by {@link NightlyRunBenchmark} with {@code spark=true}). Stages, timed like the job's steps:
 * <ol>
 *   <li>load and index: partitioned JDBC read of {@code ratings} (one predicate per user-id range, the ranges from
 *       an NTILE boundary query) and of the active products, {@code StringIndexer} for both ids, cached;</li>
 *   <li>evaluate: ALS on the training part of <em>our</em> hold-out split (same ids, fraction and seed as the job,
 *       so the very same held-out ratings), top N per test user with rated and inactive items excluded, scored
 *       with our {@link RankingMetrics};</li>
 *   <li>train: ALS on all ratings;</li>
 *   <li>score: top N for every user, rated and inactive items excluded, materialised.</li>
 * </ol>
 * Spark cannot exclude items inside {@code recommendForUserSubset}, so it is asked for N + the user's number of
 * ratings, in two groups ({@link Candidates}), which is enough for N to survive the exclusion of rated items for
 * every user; the rated pairs and the inactive products are then removed with two left-anti joins and the first N
 * kept per user by a window. The extra candidates are part of what Spark's way costs.
 *
 * <p>Arguments: size, JDBC url, user, result file. Prints its table and writes one {@code SPARK ...} line.
 */
public final class SparkSideBySide {

    static final int TOP_N = 10;
    static final long SEED = 42;
    static final double HOLDOUT = 0.25;
    // our default: binary confidence c = 1 + 3 * 1, reg 0.005 times each row's total confidence (4 per rating);
    // Spark multiplies regParam by the row's number of ratings, so 0.02 is the same regularisation
    static final double ALPHA = ImplicitAlsTrainer.DEFAULT_ALPHA;
    static final double REG = ImplicitAlsTrainer.DEFAULT_REG * (1 + ImplicitAlsTrainer.DEFAULT_ALPHA);
    /**
     * Every how many ALS iterations the factors are checkpointed. Each iteration adds to the factors' RDD lineage,
     * which Spark serialises into every task: too deep, and deserialising a task overflows the thread stack
     * (issue 25, at M). Spark's ALS docs: checkpointInterval cuts the lineage and is silently ignored unless the
     * SparkContext has a checkpoint directory. Spark's default is 10; 5 keeps the lineage at most a third of our 15
     * iterations deep, and writes only the item factors (products x rank floats), which costs next to nothing.
     */
    static final int CHECKPOINT_INTERVAL = 5;

    private SparkSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        SampleSize size = SampleSize.valueOf(args[0]);
        String url = args[1];
        String user = args[2];
        Path resultFile = Path.of(args[3]);
        String master = "local[" + Runtime.getRuntime().availableProcessors() + "]";
        long processStart = ManagementFactory.getRuntimeMXBean().getStartTime();

        // the same matrix the job builds (ids are numbered in sorted order, so read order does not matter)
        RatingsCollector collector = new RatingsCollector();
        List<Product> products = new ArrayList<>();
        new SampleDataGenerator(size.spec()).generate(p -> products.add(new Product(p.productId(), p.name(),
                p.style(), p.active())), r -> collector.accept(new RawRating(r.userId(), r.productId(), r.rating(),
                r.ratedAt())));
        TrainingData data = collector.toTrainingData(new ProductCatalog(products));
        HoldoutSplit split = HoldoutSplit.perUser(data.ratings(), HOLDOUT, SEED);
        Dataset<Row> trainPart;

        SparkSession spark = SparkSession.builder().master(master).appName("beer-reco-side-by-side")
                .config("spark.ui.enabled", "false")
                // the default 200 shuffle partitions are for clusters; two per core keeps local joins cheap, and one
                // per 500 k ratings past that keeps each task's share of the top-K aggregation within the heap
                .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions(size.spec().ratings())))
                .getOrCreate();
        // beside the result, in the benchmark's own folder; removed when the run ends, however it ends
        Path checkpoints = Files.createTempDirectory(resultFile.toAbsolutePath().getParent(), size + "-spark-checkpoints");
        try {
            spark.sparkContext().setCheckpointDir(checkpoints.toUri().toString());
            trainPart = toFrame(spark, split.train());
            Dataset<Row> inactiveOurIds = inactiveItems(spark, data.recommendable());

            long t0 = System.nanoTime();
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", "");
            props.setProperty("fetchsize", "10000");
            String[] predicates = userRangePredicates(url, user, Runtime.getRuntime().availableProcessors() * 2);
            Dataset<Row> raw = spark.read().jdbc(url, "ratings", predicates, props)
                    .where(col("user_id").isNotNull().and(col("product_id").isNotNull()).and(col("rating").isNotNull()));
            var userIndexer = new StringIndexer().setInputCol("user_id").setOutputCol("u").fit(raw);
            // products nobody rated have no index: "skip" drops them from the inactive list, where they cannot matter
            var itemIndexer = new StringIndexer().setInputCol("product_id").setOutputCol("i").setHandleInvalid("skip")
                    .fit(raw);
            Dataset<Row> indexed = itemIndexer.transform(userIndexer.transform(raw))
                    .select(col("u").cast("int").as("u"), col("i").cast("int").as("i"), lit(1.0f).as("r"))
                    .dropDuplicates("u", "i").cache();
            long ratings = indexed.count();
            Dataset<Row> inactive = itemIndexer.transform(spark.read().jdbc(url, "products", props)
                    .where(col("active").equalTo(false)).select("product_id"))
                    .select(col("i").cast("int").as("i")).cache();
            inactive.count();
            double load = seconds(t0);

            t0 = System.nanoTime();
            ALSModel holdoutModel = als().fit(trainPart);
            Candidates holdoutCandidates = Candidates.of(holdoutModel, testUsers(spark, split), trainPart);
            Dataset<Row> holdoutLists = topN(holdoutCandidates.lists(), trainPart, inactiveOurIds);
            double[] quality = score(holdoutLists.collectAsList(), split, data.recommendable());
            double evaluate = seconds(t0);

            t0 = System.nanoTime();
            ALSModel model = als().fit(indexed);
            model.userFactors().cache().count();
            double train = seconds(t0);

            t0 = System.nanoTime();
            Candidates allCandidates = Candidates.of(model, indexed.select("u").distinct(), indexed);
            long rows = topN(allCandidates.lists(), indexed, inactive).count();
            double scoreAll = seconds(t0);

            double wall = (System.currentTimeMillis() - processStart) / 1e3;
            long peakHeapMb = peakHeapMb();
            long rssMb = peakRssMb();
            System.out.printf(Locale.ROOT, "%nSpark %s MLlib ALS (implicit, rank %d, %d iterations, alpha %.0f,"
                            + " regParam %.3f), %s%n", spark.version(), ImplicitAlsTrainer.DEFAULT_FACTORS,
                    ImplicitAlsTrainer.DEFAULT_ITERATIONS, ALPHA, REG, master);
            System.out.printf(Locale.ROOT, "%-34s %9s%n", "stage", "wall s");
            System.out.printf(Locale.ROOT, "%-34s %9.2f  (%d ratings, %d JDBC partitions)%n", "load and index", load,
                    ratings, predicates.length);
            System.out.printf(Locale.ROOT, "%-34s %9.2f  (top %d of %s)%n", "evaluate (hold-out)", evaluate,
                    TOP_N, holdoutCandidates.describe());
            System.out.printf(Locale.ROOT, "%-34s %9.2f%n", "train (all ratings)", train);
            System.out.printf(Locale.ROOT, "%-34s %9.2f  (%d rows, top %d of %s)%n",
                    "score all users (rated excluded)", scoreAll, rows, TOP_N, allCandidates.describe());
            System.out.printf(Locale.ROOT, "%-34s %9.2f  (JVM start to here)%n", "process wall time", wall);
            System.out.printf(Locale.ROOT, "hold-out nDCG@10 %.4f, precision@10 %.4f over %d users; peak heap %d MB,"
                    + " peak RSS %d MB%n", quality[0], quality[1], (long) quality[2], peakHeapMb, rssMb);
            String line = String.format(Locale.ROOT, "SPARK size=%s version=%s master=%s ratings=%d load_s=%.1f"
                            + " evaluate_s=%.1f train_s=%.1f score_s=%.1f wall_s=%.1f rows=%d peak_heap_mb=%d rss_mb=%d"
                            + " ndcg10=%.4f candidates=%d candidates_p99=%d", size, spark.version(), master, ratings, load,
                    evaluate, train, scoreAll, wall, rows, peakHeapMb, rssMb, quality[0], allCandidates.most(),
                    allCandidates.common());
            Files.writeString(resultFile, line + System.lineSeparator());
        } finally {
            spark.stop();
            deleteTree(checkpoints);
        }
    }

    private static ALS als() {
        return new ALS().setRank(ImplicitAlsTrainer.DEFAULT_FACTORS).setMaxIter(ImplicitAlsTrainer.DEFAULT_ITERATIONS)
                .setImplicitPrefs(true).setAlpha(ALPHA).setRegParam(REG).setSeed(SEED)
                .setCheckpointInterval(CHECKPOINT_INTERVAL)
                .setUserCol("u").setItemCol("i").setRatingCol("r");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Spark's candidates for some users: enough for N to survive excluding each user's rated items, asked for in two
     * groups. {@code recommendForUserSubset(users, k)} keeps k candidates per user in its top-K aggregation; with one
     * k for everyone (N + the most ratings of any user: 2,000 or more at L) that aggregation needs users x k entries
     * and ran out of a 12 GB heap at L (200 k users). So the 99 % of users with at most the 99th percentile of
     * ratings get N + that percentile, and only the heaviest 1 % get N + the maximum. Both are exact: a user with r
     * ratings keeps at least N candidates after losing at most r to the exclusion.
     *
     * @param lists u and its recommendations, as Spark returns them
     * @param common candidates per user for the 99 %
     * @param most candidates per user for the heaviest 1 %
     */
    record Candidates(Dataset<Row> lists, int common, int most) {

        static final double COMMON_SHARE = 0.99;

        static Candidates of(ALSModel model, Dataset<Row> users, Dataset<Row> rated) {
            Dataset<Row> counts = rated.groupBy("u").count().join(users, "u").cache();
            // relative error 0: the exact percentile (a sort of one number per user)
            int percentile = (int) counts.stat().approxQuantile("count", new double[] {COMMON_SHARE}, 0)[0];
            int max = (int) counts.agg(functions.max("count")).first().getLong(0);
            Dataset<Row> lists = model.recommendForUserSubset(counts.where(col("count").leq(percentile)).select("u"),
                    TOP_N + percentile);
            if (max > percentile) {
                lists = lists.union(model.recommendForUserSubset(counts.where(col("count").gt(percentile))
                        .select("u"), TOP_N + max));
            }
            return new Candidates(lists, TOP_N + percentile, TOP_N + max);
        }

        String describe() {
            return String.format(Locale.ROOT, "%d candidates (%d for the users with the most ratings)", common, most);
        }
    }

    static int shufflePartitions(long ratings) {
        return (int) Math.max(2L * Runtime.getRuntime().availableProcessors(), ratings / 500_000);
    }

    /** Explodes Spark's candidate lists, drops rated pairs and inactive items, keeps the first N per user. */
    private static Dataset<Row> topN(Dataset<Row> candidates, Dataset<Row> rated, Dataset<Row> inactive) {
        Dataset<Row> flat = candidates.select(col("u"), explode(col("recommendations")).as("rec"))
                .select(col("u"), col("rec.i").as("i"), col("rec.rating").as("score"));
        return flat.join(rated.select("u", "i"), flat.col("u").equalTo(rated.col("u"))
                        .and(flat.col("i").equalTo(rated.col("i"))), "left_anti")
                .join(inactive, "i", "left_anti")
                .withColumn("rank", row_number().over(Window.partitionBy("u").orderBy(col("score").desc(), col("i"))))
                .where(col("rank").leq(TOP_N));
    }

    /** nDCG@N and precision@N of Spark's lists against the split's held-out, recommendable items. */
    private static double[] score(List<Row> rows, HoldoutSplit split, boolean[] recommendable) {
        int[][] lists = new int[split.numUsers()][TOP_N];
        int[] lengths = new int[split.numUsers()];
        rows.stream().sorted((a, b) -> Integer.compare(a.<Integer>getAs("rank"), b.<Integer>getAs("rank")))
                .forEach(r -> {
                    int u = r.<Integer>getAs("u");
                    lists[u][lengths[u]++] = r.<Integer>getAs("i");
                });
        double ndcg = 0;
        double precision = 0;
        int users = 0;
        for (int u = 0; u < split.numUsers(); u++) {
            int[] relevant = Arrays.stream(split.testItems(u)).filter(i -> recommendable[i]).toArray();
            if (relevant.length == 0) {
                continue;
            }
            int[] ranked = Arrays.copyOf(lists[u], lengths[u]);
            ndcg += RankingMetrics.ndcg(ranked, relevant, TOP_N);
            precision += RankingMetrics.precision(ranked, relevant, TOP_N);
            users++;
        }
        return new double[]{ndcg / users, precision / users, users};
    }

    private static Dataset<Row> toFrame(SparkSession spark, InteractionMatrix m) {
        List<Row> rows = new ArrayList<>(m.numRatings());
        for (int u = 0; u < m.numUsers(); u++) {
            for (int k = m.rowStart(u); k < m.rowEnd(u); k++) {
                rows.add(RowFactory.create(u, m.itemAt(k), 1.0f));
            }
        }
        StructType schema = new StructType().add("u", DataTypes.IntegerType).add("i", DataTypes.IntegerType)
                .add("r", DataTypes.FloatType);
        return spark.createDataFrame(rows, schema).cache();
    }

    private static Dataset<Row> testUsers(SparkSession spark, HoldoutSplit split) {
        List<Row> rows = new ArrayList<>();
        for (int u = 0; u < split.numUsers(); u++) {
            if (split.testSize(u) > 0) {
                rows.add(RowFactory.create(u));
            }
        }
        return spark.createDataFrame(rows, new StructType().add("u", DataTypes.IntegerType));
    }

    private static Dataset<Row> inactiveItems(SparkSession spark, boolean[] recommendable) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < recommendable.length; i++) {
            if (!recommendable[i]) {
                rows.add(RowFactory.create(i));
            }
        }
        return spark.createDataFrame(rows, new StructType().add("i", DataTypes.IntegerType)).cache();
    }

    /** One predicate per user-id range; the first also takes the NULL ids, so every row is in exactly one. */
    static String[] userRangePredicates(String url, String user, int parts) throws Exception {
        List<String> bounds = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(user_id) FROM (SELECT user_id, NTILE(" + parts
                     + ") OVER (ORDER BY user_id) AS part FROM (SELECT DISTINCT user_id FROM ratings"
                     + " WHERE user_id IS NOT NULL) d) t GROUP BY part ORDER BY 1")) {
            while (rs.next()) {
                bounds.add(rs.getString(1));
            }
        }
        List<String> predicates = new ArrayList<>();
        for (int p = 0; p < bounds.size(); p++) {
            String high = p + 1 < bounds.size() ? "user_id < " + quote(bounds.get(p + 1)) : null;
            if (p == 0) {
                predicates.add(high == null ? "1=1" : "user_id IS NULL OR " + high);
            } else {
                predicates.add("user_id >= " + quote(bounds.get(p)) + (high == null ? "" : " AND " + high));
            }
        }
        return predicates.isEmpty() ? new String[]{"1=1"} : predicates.toArray(String[]::new);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Peak use summed over the heap's pools since the JVM started or the pools' peaks were last reset. */
    static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    /** VmHWM from /proc: the process's peak resident set, heap and everything else. */
    private static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
