package com.beershop.reco.bench;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.RawRating;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.FactorModel;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Workers;
import com.beershop.reco.model.librec.LibrecTrainer;
import com.beershop.reco.sample.SampleDataGenerator;
import com.beershop.reco.sample.SampleDataSpec;
import com.beershop.reco.sample.SampleSize;
import com.beershop.reco.scoring.RecommendationScorer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end benchmark of the nightly job at a named data size: generates the shop with {@link SampleDataGenerator},
 * loads it into a fresh database (PostgreSQL via COPY, or an H2 file database), runs the real job in a child JVM
 * with a capped heap, and prints per-step wall and CPU seconds, rows per second and peak heap (from the job's
 * {@code Step metrics:} log lines) plus the hold-out nDCG@10. Then, on the same ratings and the same LibRec model,
 * LibRec's own all-users ranking against our scorer, and the machine's dot-product throughput. The last line is
 * machine-readable ({@code BENCH ...}). Not a test: run it with {@code mvn -Pbenchmark} (see README, "Performance and scale").
 *
 * <p>Options: {@code --size=S|M|L} (M), {@code --db=postgresql|h2} (postgresql), {@code --xmx=4g} (1g/2g/4g by
 * size), {@code --librec=true|false} (true for S and M), {@code --keep=true} keeps the database,
 * {@code --cds=false} starts the nights without the class-data sharing archive the image uses ({@link JobLauncher}),
 * {@code --vector=false} without the Vector API module the image adds (the iALS scalar kernels, the same model),
 * {@code --spark=true} then runs Spark MLlib on the same data ({@link SparkComparison}; {@code --spark-xmx=4g}).
 */
public final class NightlyRunBenchmark {

    /** The default model's factor count: scoring and the kernels are compared at the k the nightly run uses. */
    private static final int K = com.beershop.reco.model.ials.ImplicitAlsTrainer.DEFAULT_FACTORS;


    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Pattern STEP_LINE = Pattern.compile("Step metrics: step=(\\w+) wall_s=([\\d.]+)"
            + " cpu_s=([\\d.NaN]+) peak_heap_mb=(\\d+) read=(\\d+) write=(\\d+) filter=(\\d+) status=(\\w+)");
    private static final int TOP_N = 10;

    private NightlyRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        SampleSize size = SampleSize.valueOf(options.getOrDefault("size", "M").toUpperCase(Locale.ROOT));
        String db = options.getOrDefault("db", "postgresql");
        String xmx = options.getOrDefault("xmx", switch (size) {
            case XL -> "10g";
            case L -> "4g";
            case M -> "2g";
            default -> "1g";
        });
        boolean librec = Boolean.parseBoolean(options.getOrDefault("librec", String.valueOf(size != SampleSize.L && size != SampleSize.XL)));
        boolean keep = Boolean.parseBoolean(options.getOrDefault("keep", "false"));
        boolean spark = Boolean.parseBoolean(options.getOrDefault("spark", "false"));
        boolean cds = Boolean.parseBoolean(options.getOrDefault("cds", "true"));
        boolean vector = Boolean.parseBoolean(options.getOrDefault("vector", "true"));
        // Spark's recommendForAllUsers keeps N + (most ratings of one user) candidates per user in its top-K
        // aggregation: at L (200 k users) 4 GB ran out of heap in that stage
        String sparkXmx = options.getOrDefault("spark-xmx", switch (size) {
            case XL -> "16g";
            case L -> "12g";
            default -> "4g";
        });
        int cores = Runtime.getRuntime().availableProcessors();
        SampleDataSpec spec = size.spec();
        System.out.printf(Locale.ROOT, "Benchmark size=%s (%d users, %d products, %d ratings) db=%s child -Xmx%s,"
                + " %d cores%n", size, spec.users(), spec.products(), spec.ratings(), db, xmx, cores);

        Target target = db.equals("h2") ? Target.h2(size) : Target.postgres(size);
        Path logFile = Path.of("target", "bench", size + "-" + db + "-job.log");
        try {
            check(BeerRecoApplication.execute(target.args("migrate").toArray(String[]::new)), "migrate");
            long loadStart = System.nanoTime();
            target.load(spec);
            double setupSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf(Locale.ROOT, "Generated and loaded %d ratings in %.1f s (benchmark setup, not the job)%n",
                    spec.ratings(), setupSeconds);

            Files.createDirectories(logFile.getParent());
            JobLauncher launcher = JobLauncher.prepare(cds, vector);
            // the first night selects a model (nothing is recorded yet); the second reuses its choice, as six of
            // seven nights do with the weekly selection
            Path selectLog = Path.of("target", "bench", size + "-" + db + "-select-night.log");
            double selectNight = night(launcher, target, xmx, selectLog, null);
            List<StepRow> selectSteps = parseSteps(selectLog);
            RunFacts selectFacts = target.facts();
            String selectLoad = loadAverage();
            System.out.printf(Locale.ROOT, "%nSelection night: %.1f s end to end (load average %s)%n", selectNight,
                    selectLoad);
            printSteps(selectSteps, selectFacts);
            target.betweenNights();
            LiveTableReader reader = db.equals("postgresql")
                    ? LiveTableReader.start(target.url, target.user, "U" + "0".repeat(
                            Math.max(5, Integer.toString(spec.users()).length()) - 1) + "1", TOP_N)
                    : null;
            double endToEnd = night(launcher, target, xmx, logFile, reader);
            String reuseLoad = loadAverage();
            System.out.printf(Locale.ROOT, "%nReuse night: %.1f s end to end (load average %s)%n", endToEnd, reuseLoad);

            List<StepRow> steps = parseSteps(logFile);
            RunFacts facts = target.facts();
            printSteps(steps, facts);
            if (reader != null) {
                System.out.println(reader.summary());
            }

            double ours = Double.NaN;
            double native_ = Double.NaN;
            double kernel1 = DotKernel.gflops(DotKernel.Layout.DOT, K, spec.products(), 1, 2);
            double kernelAll = DotKernel.gflops(DotKernel.Layout.DOT, K, spec.products(), cores, 2);
            double axpy1 = DotKernel.gflops(DotKernel.Layout.FACTOR_MAJOR, K, spec.products(), 1, 2);
            double axpyAll = DotKernel.gflops(DotKernel.Layout.FACTOR_MAJOR, K, spec.products(), cores, 2);
            if (librec) {
                double[] times = compareWithLibrec(spec, cores);
                ours = times[0];
                native_ = times[1];
            }
            StepRow score = find(steps, "scoreUsersStep");
            double scoreGflops = 2.0 * K * facts.users * facts.products / score.wall / 1e9;
            System.out.printf(Locale.ROOT, "%nDot-product kernel (k=%d, %d items, plain dot per item): %.2f GFLOP/s on"
                    + " 1 thread, %.2f GFLOP/s on %d threads%n", K, spec.products(), kernel1, kernelAll, cores);
            System.out.printf(Locale.ROOT, "Dot-product kernel (k=%d, %d items, factor-major multiply-add): %.2f GFLOP/s"
                    + " on 1 thread, %.2f GFLOP/s on %d threads%n", K, spec.products(), axpy1, axpyAll, cores);
            System.out.printf(Locale.ROOT, "scoreUsersStep: %d users x %d products x k=%d in %.2f s = %.2f GFLOP/s"
                    + " effective, %.2fx below the best %d-thread kernel (top-N, exclusions and fallback included)%n",
                    facts.users, facts.products, K, score.wall, scoreGflops, Math.max(kernelAll, axpyAll) / scoreGflops,
                    cores);
            if (librec) {
                System.out.printf(Locale.ROOT, "LibRec ranking vs our scorer, same BiasedMF factors (k=%d): LibRec %.2f s,"
                        + " ours %.2f s, ratio %.1fx%n", K, native_, ours, native_ / ours);
            }

            double load = sum(steps, "loadProductsStep", "loadRatingsStep", "checkInputStep");
            double train = sum(steps, "evaluateModelStep", "qualityGateStep", "trainModelStep");
            double publish = sum(steps, "stageRecommendationsStep", "publishStep");
            int peak = steps.stream().mapToInt(s -> s.peakHeapMb).max().orElse(0);
            Tried tried = target.selection();
            System.out.printf(Locale.ROOT, "BENCH_SELECT size=%s db=%s ratings=%d end_to_end_s=%.1f select_s=%.1f"
                            + " candidates=%d evaluated=%d skipped=%d work_spent=%.2e ndcg10=%.4f load_avg=%s%n", size, db,
                    selectFacts.ratings, selectNight, find(selectSteps, "selectModelStep").wall, tried.candidates,
                    tried.evaluated, tried.skipped, tried.workSpent, selectFacts.ndcg, selectLoad.replace(' ', '/'));
            System.out.printf(Locale.ROOT, "BENCH size=%s db=%s ratings=%d users=%d products=%d end_to_end_s=%.1f"
                            + " load_s=%.1f train_s=%.1f score_s=%.2f publish_s=%.1f peak_heap_mb=%d ndcg10=%.4f"
                            + " xmx=%s cores=%d librec_rank_s=%.2f our_rank_s=%.2f kernel_gflops=%.2f kernel_fm_gflops=%.2f"
                            + " night=reuse load_avg=%s%n",
                    size, db, facts.ratings, facts.users, facts.products, endToEnd, load, train, score.wall, publish,
                    peak, facts.ndcg, xmx, cores, native_, ours, kernelAll, axpyAll, reuseLoad.replace(' ', '/'));
            if (spark) {
                String sparkLine = SparkComparison.run(size, target.url, target.user, sparkXmx);
                Map<String, Double> wall = new LinkedHashMap<>();
                steps.forEach(s -> wall.put(s.name, s.wall));
                SparkComparison.printSideBySide(sparkLine, wall, endToEnd, peak, facts.ndcg);
                System.out.println(sparkLine);
            }
        } finally {
            if (!keep) {
                target.drop();
            }
        }
    }

    /** Our scorer and LibRec's ranking on the same LibRec BiasedMF factors (one iteration: ranking cost does not
     * depend on how long the model trained). Every user is scored by the model (no popularity fallback), rated
     * items excluded, no catalogue filter, like LibRec. */
    private static double[] compareWithLibrec(SampleDataSpec spec, int cores) throws IOException {
        RatingsCollector collector = new RatingsCollector();
        new SampleDataGenerator(spec).generate(p -> { },
                r -> collector.accept(new RawRating(r.userId(), r.productId(), r.rating(), r.ratedAt())));
        InteractionMatrix ratings = collector.matrix();
        LibrecTrainer trainer = LibrecTrainer.fromSpec(AlgorithmSpec.parse("librec-biasedmf:factors=" + K + ",iterations=1"));
        TrainedModel model = trainer.train(ratings, 42);
        if (!(model instanceof FactorModel)) {
            throw new IllegalStateException("expected a factor model");
        }
        double ours;
        try (Workers workers = Workers.of(cores)) {
            RecommendationScorer scorer = new RecommendationScorer(TOP_N, 0, workers);
            scorer.scoreAll(model, ratings, null); // warm-up
            long start = System.nanoTime();
            scorer.scoreAll(model, ratings, null);
            ours = (System.nanoTime() - start) / 1e9;
        }
        System.out.printf(Locale.ROOT, "Timing LibRec's own ranking of %d users (single-threaded)...%n",
                ratings.numUsers());
        double librec = trainer.timeNativeRanking(ratings, 42, TOP_N);
        return new double[]{ours, librec};
    }

    /** One nightly run in a child JVM with its own heap; its log to {@code log}; returns its wall seconds. */
    private static double night(JobLauncher launcher, Target target, String xmx, Path log, LiveTableReader reader)
            throws Exception {
        List<String> command = launcher.command(xmx);
        command.addAll(target.args("run"));
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = child.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (reader != null) {
            reader.stop();
        }
        check(exit, "run (log: " + log + ")");
        return seconds;
    }

    /** The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them ("n/a" elsewhere). */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void printSteps(List<StepRow> steps, RunFacts facts) {
        System.out.printf(Locale.ROOT, "%n%-26s %9s %9s %12s %14s%n", "step", "wall s", "CPU s", "rows/s", "peak heap MB");
        double wall = 0;
        double cpu = 0;
        for (StepRow s : steps) {
            long rows = switch (s.name) {
                case "checkInputStep", "evaluateModelStep", "trainModelStep" -> facts.ratings;
                case "scoreUsersStep" -> facts.users;
                case "qualityGateStep" -> 0;
                default -> Math.max(s.read, s.write);
            };
            System.out.printf(Locale.ROOT, "%-26s %9.2f %9.2f %12s %14d%n", s.name, s.wall, s.cpu,
                    rows == 0 ? "-" : String.format(Locale.ROOT, "%.0f", rows / Math.max(s.wall, 1e-3)), s.peakHeapMb);
            wall += s.wall;
            cpu += s.cpu;
        }
        System.out.printf(Locale.ROOT, "%-26s %9.2f %9.2f%n", "all steps", wall, cpu);
        System.out.printf(Locale.ROOT, "hold-out nDCG@10 %.4f (most-popular %.4f); %d rows published%n", facts.ndcg,
                facts.baselineNdcg, facts.published);
    }

    private static List<StepRow> parseSteps(Path log) throws IOException {
        List<StepRow> rows = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = STEP_LINE.matcher(line);
            if (m.find()) {
                rows.add(new StepRow(m.group(1), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                        Integer.parseInt(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6))));
            }
        }
        return rows;
    }

    private static StepRow find(List<StepRow> steps, String name) {
        return steps.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no metrics for " + name));
    }

    private static double sum(List<StepRow> steps, String... names) {
        double total = 0;
        for (String name : names) {
            total += find(steps, name).wall;
        }
        return total;
    }

    private static void check(int exit, String what) {
        if (exit != 0) {
            throw new IllegalStateException(what + " exited with " + exit);
        }
    }

    /** {@code [--]name=value} arguments by name; anything else is refused. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String option = arg.startsWith("--") ? arg.substring(2) : arg;
            if (!option.contains("=")) {
                throw new IllegalArgumentException("options are [--]name=value, got " + arg);
            }
            options.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
        }
        return options;
    }

    record StepRow(String name, double wall, double cpu, int peakHeapMb, long read, long write) {
    }

    record Tried(long candidates, long evaluated, long skipped, double workSpent) {
    }

    record RunFacts(long ratings, long users, long products, double ndcg, double baselineNdcg, long published) {
    }

    /** A fresh database the job runs against, created before and dropped after. */
    abstract static class Target {

        final String url;
        final String user;

        Target(String url, String user) {
            this.url = url;
            this.user = user;
        }

        static Target postgres(SampleSize size) throws SQLException {
            String name = "bench_" + size.name().toLowerCase(Locale.ROOT) + "_" + System.currentTimeMillis() % 100000;
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            admin("CREATE DATABASE " + name);
            return new Target("jdbc:postgresql://127.0.0.1:5432/" + name + "?reWriteBatchedInserts=true", "postgres") {
                @Override
                void loadRatings(Connection c, SampleDataGenerator generator) throws Exception {
                    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY ratings (user_id, product_id, rating, rated_at) FROM STDIN");
                    StringBuilder buffer = new StringBuilder(1 << 20);
                    generator.generate(p -> { }, r -> {
                        buffer.append(r.userId()).append('\t').append(r.productId()).append('\t')
                                .append(r.rating().toPlainString()).append('\t')
                                .append(Timestamp.valueOf(r.ratedAt())).append('\n');
                        if (buffer.length() > (1 << 20) - 256) {
                            flush(copy, buffer);
                        }
                    });
                    flush(copy, buffer);
                    copy.endCopy();
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE ratings");
                    }
                }

                @Override
                void drop() {
                    try {
                        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    } catch (SQLException e) {
                        System.err.println("could not drop " + name + ": " + e);
                    }
                }
            };
        }

        static Target h2(SampleSize size) throws IOException {
            Path dir = Files.createTempDirectory("bench_h2_" + size.name().toLowerCase(Locale.ROOT));
            return new Target("jdbc:h2:file:" + dir.resolve("inventorydb") + ";MODE=MSSQLServer", "sa") {
                @Override
                void loadRatings(Connection c, SampleDataGenerator generator) throws Exception {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO ratings (user_id, product_id, rating, rated_at) VALUES (?, ?, ?, ?)")) {
                        int[] pending = {0};
                        generator.generate(p -> { }, r -> {
                            try {
                                ps.setString(1, r.userId());
                                ps.setString(2, r.productId());
                                ps.setBigDecimal(3, r.rating());
                                ps.setTimestamp(4, Timestamp.valueOf(r.ratedAt()));
                                ps.addBatch();
                                if (++pending[0] % 10_000 == 0) {
                                    ps.executeBatch();
                                    c.commit();
                                }
                            } catch (SQLException e) {
                                throw new IOException(e);
                            }
                        });
                        ps.executeBatch();
                        c.commit();
                    }
                }

                @Override
                void drop() {
                    try (var files = Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException e) {
                        System.err.println("could not delete " + dir + ": " + e);
                    }
                }
            };
        }

        List<String> args(String mode) {
            // the copy of InventoryDB's tables is made once, by the migrate; a night leaves them alone, as in the
            // shop, where they are not the job's (migrating them each night cost 0.5 s a night here)
            String inventoryDdl = mode.equals("migrate") ? "MIGRATE" : "AUTO";
            return List.of(mode, "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=", "--reco.schema.inventory-ddl=" + inventoryDdl,
                    "--reco.sample-data.seed=NEVER",
                    // the test classpath's logback-test.xml keeps only warnings: the step metrics are INFO lines
                    "--logging.level.com.beershop.reco=INFO");
        }

        void load(SampleDataSpec spec) throws Exception {
            try (Connection c = DriverManager.getConnection(url, user, "")) {
                List<Object[]> products = new ArrayList<>();
                new SampleDataGenerator(spec).generate(p -> products.add(new Object[]{p.productId(), p.name(),
                        p.style(), p.active()}), r -> { });
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO products (product_id, name, style, active) VALUES (?, ?, ?, ?)")) {
                    for (Object[] p : products) {
                        for (int i = 0; i < 4; i++) {
                            ps.setObject(i + 1, p[i]);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                loadRatings(c, new SampleDataGenerator(spec));
            }
        }

        RunFacts facts() throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user, "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ratings_used, users, products, ndcg_at_n, baseline_ndcg_at_n,"
                         + " rows_published FROM reco_run_history ORDER BY id DESC")) {
                if (!rs.next()) {
                    throw new IllegalStateException("no run-history row");
                }
                return new RunFacts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
                        rs.getLong(6));
            }
        }

        /**
         * What the day between two nights does to the database: autovacuum clears the dead rows of the last publish
         * (the benchmark's nights run back to back; without it the second publish checks every unique key against
         * a dead row, see docs/performance.md, "A second night publishes slower").
         */
        void betweenNights() throws SQLException {
            if (url.startsWith("jdbc:postgresql:")) {
                try (Connection c = DriverManager.getConnection(url, user, "");
                     Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
            }
        }

        /** What the latest recorded selection tried. */
        Tried selection() throws SQLException {
            try (Connection c = DriverManager.getConnection(url, user, "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT candidates, evaluated, skipped, work_spent FROM reco_selection"
                         + " ORDER BY id DESC")) {
                return rs.next() ? new Tried(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4))
                        : new Tried(0, 0, 0, 0);
            }
        }

        abstract void loadRatings(Connection c, SampleDataGenerator generator) throws Exception;

        abstract void drop();

        static void flush(CopyIn copy, StringBuilder buffer) throws IOException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IOException(e);
            }
            buffer.setLength(0);
        }

        static void admin(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(PG_ADMIN, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
