package com.beershop.reco.bench;

import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.sample.SampleDataGenerator;
import com.beershop.reco.sample.SampleSize;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Times one trainer alone on a generated shop, without a database: the kernel's cost, apart from loading and
 * publishing. Each configuration is trained {@code repeats} times after one warm-up; the table gives the best and
 * the median wall time and the load average beside it, and a digest of every user's scores, so that a faster kernel
 * can show it trains the same model to the last bit.
 *
 * <pre>
 * mvn -B -Pbenchmark test-compile exec:exec -Dbench.main=com.beershop.reco.bench.TrainerSpeedBenchmark \
 *     -Dbench.args="size=L spec=ials repeats=3"
 * </pre>
 */
public final class TrainerSpeedBenchmark {

    private TrainerSpeedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        SampleSize size = SampleSize.valueOf(options.getOrDefault("size", "L").toUpperCase(Locale.ROOT));
        int repeats = Integer.parseInt(options.getOrDefault("repeats", "3"));
        long generateStart = System.nanoTime();
        RatingsCollector collector = new RatingsCollector();
        new SampleDataGenerator(size.spec()).generate(product -> { }, collector::accept);
        InteractionMatrix ratings = collector.matrix();
        System.out.printf(Locale.ROOT, "size=%s: %d users x %d items, %d ratings, generated in %.1f s%n", size,
                ratings.numUsers(), ratings.numItems(), ratings.numRatings(), (System.nanoTime() - generateStart) / 1e9);
        TrainerCatalog catalog = TrainerCatalog.standard(Workers.of(0));
        System.out.println("| spec | best s | median s | load average | scores digest |");
        System.out.println("|---|---|---|---|---|");
        for (String spec : options.getOrDefault("spec", "ials").split(";")) {
            AlgorithmSpec parsed = AlgorithmSpec.parse(spec);
            TrainedModel model = catalog.workers().call(() -> catalog.create(parsed).train(ratings, 42)); // warm-up
            double[] seconds = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                catalog.workers().call(() -> catalog.create(parsed).train(ratings, 42));
                seconds[r] = (System.nanoTime() - start) / 1e9;
            }
            java.util.Arrays.sort(seconds);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s |%n", spec, seconds[0], seconds[repeats / 2],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), digest(model, ratings));
        }
        System.exit(0);
    }

    /** A CRC-32 of the bits of every score of every user: equal digests, the same model to the last bit. */
    private static String digest(TrainedModel model, InteractionMatrix ratings) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        float[] scores = new float[ratings.numItems()];
        java.nio.ByteBuffer bits = java.nio.ByteBuffer.allocate(4 * scores.length);
        for (int user = 0; user < ratings.numUsers(); user++) {
            model.scoreUser(user, scores);
            bits.clear();
            bits.asFloatBuffer().put(scores);
            crc.update(bits.array());
        }
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }
}
