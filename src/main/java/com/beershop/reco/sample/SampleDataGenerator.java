package com.beershop.reco.sample;

import static com.beershop.reco.sample.Draws.gaussian;
import static com.beershop.reco.sample.Draws.zeroPad;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a synthetic beer-shop data set (products and ratings) from a seed: the same {@link SampleDataSpec} gives
 * byte-identical output on any JVM. The command line is {@link SampleDataCli}.
 *
 * <p>The data carries the structure a recommender is supposed to find:
 * <ul>
 *   <li>Products belong to a {@link StyleFamily style family} (hoppy, lager, dark, malty, Belgian, sour, wheat) and
 *       have a Zipf-like popularity and a quality loosely tied to it ({@link SampleCatalogue}).</li>
 *   <li>Users like one family (a few like two, some like everything a little) and their activity is log-normal:
 *       many rate a handful of beers, a few rate hundreds.</li>
 *   <li>Which beers a user rates is drawn by popularity times the user's affinity for the beer's family, so the
 *       implicit signal (who rated what) is what a ranking model learns from. The rating value (1 to 5) comes from
 *       affinity, product quality, a per-user bias and noise ({@link UserSampler}).</li>
 *   <li>Ratings are spread over the two years before {@link #REFERENCE_TIME}, a fixed date so output does not
 *       depend on the wall clock; each user starts at some point in that window and keeps rating until its end.</li>
 *   <li>Time carries a trend ({@link RatingClock}): each style is rated more in its {@link StyleSeason season}
 *       (wheat beers and lagers in summer, Märzen at Oktoberfest, dark beers around Christmas), and a share of the
 *       products are new releases ({@link ReleaseCalendar}), never rated before they came out and mostly in the
 *       weeks after. Seasons and releases move only the times: which user rates which product, and how, is the
 *       same as without them.</li>
 * </ul>
 *
 * <p>Ratings are streamed to a {@link RatingSink} one user at a time; memory is O(users + products), so ten million
 * ratings are no harder than ten thousand. Not thread-safe; cheap to create.
 */
public final class SampleDataGenerator {

    /** The end of the rating window. Fixed so that the same seed gives the same timestamps in any year. */
    public static final LocalDateTime REFERENCE_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    /** Spread of the log-normal user activity (see sample-data/README.md for how it was tuned). */
    private static final double ACTIVITY_SIGMA = 1.1;

    /** Rejection-sampling budget per rating before a user's remaining products are drawn exactly. */
    private static final int ATTEMPTS_PER_RATING = 20;

    private final SampleDataSpec spec;
    private final int attemptsPerRating;

    public SampleDataGenerator(SampleDataSpec spec) {
        this(spec, ATTEMPTS_PER_RATING);
    }

    /** For tests: a budget of 0 sends every user through the exact without-replacement draw. */
    SampleDataGenerator(SampleDataSpec spec, int attemptsPerRating) {
        this.spec = spec;
        this.attemptsPerRating = attemptsPerRating;
    }

    /**
     * Writes {@code products.csv} and {@code ratings.csv} (format: {@link SampleDataCsv}) into {@code dir}, creating
     * it if needed and replacing the files if present.
     */
    public void writeCsv(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer products = newWriter(dir.resolve(SampleDataCsv.PRODUCTS_FILE));
                Writer ratings = newWriter(dir.resolve(SampleDataCsv.RATINGS_FILE))) {
            generate(SampleDataCsv.productWriter(products), SampleDataCsv.ratingWriter(ratings));
        }
    }

    private static Writer newWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
    }

    /**
     * Generates the data set: first every product, in id order, then every rating, grouped by user in id order.
     * Exactly {@code spec.ratings()} ratings; no user rates a product twice.
     */
    public void generate(ProductSink productSink, RatingSink ratingSink) throws IOException {
        Streams streams = streams();
        SampleCatalogue catalogue = streams.catalogue();
        for (int p = 0; p < spec.products(); p++) {
            productSink.accept(catalogue.product(p));
        }
        int[] activity = activity(streams.activity());
        UserSampler sampler = new UserSampler(catalogue, new RatingClock(catalogue, streams.releases()),
                attemptsPerRating);
        int width = Math.max(5, Integer.toString(spec.users()).length());
        for (int u = 0; u < spec.users(); u++) {
            String userId = "U" + zeroPad(u + 1, width);
            // one stream per user: a user's ratings do not depend on how many draws earlier users needed
            sampler.generateUser(userId, u, activity[u], streams.users().split(), streams.clocks().split(),
                    ratingSink);
        }
    }

    /**
     * When each new release of this spec's catalogue came out, by product id: what {@link #generate} rates them
     * after. The other products were on sale before the rating window opened.
     */
    Map<String, LocalDateTime> releaseDates() {
        Streams streams = streams();
        Map<String, LocalDateTime> dates = new LinkedHashMap<>();
        for (int p = 0; p < spec.products(); p++) {
            if (streams.releases().isRelease(p)) {
                dates.put(streams.catalogue().product(p).productId(),
                        RatingWindow.dateTime(streams.releases().releaseSecond(p)));
            }
        }
        return dates;
    }

    /** The catalogue, the release calendar and the random streams of the rest, all split from the seed here. */
    private Streams streams() {
        SplittableRandom random = new SplittableRandom(spec.seed());
        SampleCatalogue catalogue = SampleCatalogue.create(spec, random.split());
        SplittableRandom activity = random.split();
        SplittableRandom users = random.split();
        // split after the taste streams, so that seasons and releases moved the times and nothing else
        ReleaseCalendar releases = ReleaseCalendar.draw(catalogue, random.split());
        return new Streams(catalogue, activity, users, releases, random.split());
    }

    private record Streams(SampleCatalogue catalogue, SplittableRandom activity, SplittableRandom users,
                           ReleaseCalendar releases, SplittableRandom clocks) {
    }

    /**
     * How many ratings each user gives: log-normal, at least {@link SampleDataSpec#MIN_RATINGS_PER_USER}, at most
     * half the catalogue, summing exactly to the requested total.
     */
    private int[] activity(SplittableRandom random) {
        int users = spec.users();
        int min = SampleDataSpec.MIN_RATINGS_PER_USER;
        int max = SampleDataSpec.maxRatingsPerUser(spec.products());
        double[] weight = new double[users];
        for (int u = 0; u < users; u++) {
            weight[u] = StrictMath.exp(ACTIVITY_SIGMA * gaussian(random));
        }
        // find the scale whose rounded, clamped counts come closest to the target from below ...
        double low = 0;
        double high = (double) max / Arrays.stream(weight).min().orElse(1) + 1;
        for (int i = 0; i < 100; i++) {
            double mid = (low + high) / 2;
            if (total(weight, mid, min, max) <= spec.ratings()) {
                low = mid;
            } else {
                high = mid;
            }
        }
        int[] counts = new int[users];
        long sum = 0;
        for (int u = 0; u < users; u++) {
            counts[u] = count(weight[u], low, min, max);
            sum += counts[u];
        }
        // ... then hand out the few missing ratings one per user
        for (int u = 0; sum < spec.ratings(); u = (u + 1) % users) {
            if (counts[u] < max) {
                counts[u]++;
                sum++;
            }
        }
        return counts;
    }

    private static long total(double[] weight, double scale, int min, int max) {
        long sum = 0;
        for (double w : weight) {
            sum += count(w, scale, min, max);
        }
        return sum;
    }

    private static int count(double weight, double scale, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(weight * scale)));
    }
}
