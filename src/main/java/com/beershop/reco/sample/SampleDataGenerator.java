package com.beershop.reco.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a synthetic beer-shop data set (products and ratings) from a seed: the same {@link SampleDataSpec} gives
 * byte-identical output on any JVM.
 *
 * <p>The data carries the structure a recommender is supposed to find:
 * <ul>
 *   <li>Products belong to a {@link StyleFamily style family} (hoppy, lager, dark, malty, Belgian, sour, wheat) and
 *       have a Zipf-like popularity and a quality loosely tied to it.</li>
 *   <li>Users like one family (a few like two, some like everything a little) and their activity is log-normal:
 *       many rate a handful of beers, a few rate hundreds.</li>
 *   <li>Which beers a user rates is drawn by popularity times the user's affinity for the beer's family, so the
 *       implicit signal (who rated what) is what a ranking model learns from. The rating value (1 to 5) comes from
 *       affinity, product quality, a per-user bias and noise.</li>
 *   <li>Ratings are spread over the two years before {@link #REFERENCE_TIME}, a fixed date so output does not
 *       depend on the wall clock; each user starts at some point in that window and keeps rating until its end.</li>
 * </ul>
 *
 * <p>Ratings are streamed to a {@link RatingSink} one user at a time; memory is O(users + products), so ten million
 * ratings are no harder than ten thousand. Not thread-safe; cheap to create.
 */
public final class SampleDataGenerator {

    /** The end of the rating window. Fixed so that the same seed gives the same timestamps in any year. */
    public static final LocalDateTime REFERENCE_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    private static final long WINDOW_SECONDS = 730L * 24 * 3600;
    private static final long WINDOW_START_EPOCH = REFERENCE_TIME.toEpochSecond(ZoneOffset.UTC) - WINDOW_SECONDS;

    // Taste and popularity knobs. Tuned (see sample-data/README.md) so that item-item kNN clearly beats
    // most-popular while popularity still dominates what gets rated.
    private static final double ZIPF_EXPONENT = 0.9;
    private static final double ZIPF_OFFSET_SHARE = 0.01;
    private static final double ACTIVITY_SIGMA = 1.1;
    private static final double GENERALIST_SHARE = 0.15;
    private static final double SECOND_FAMILY_SHARE = 0.5;
    private static final double OTHER_FAMILY_AFFINITY = 0.08;

    private static final String[] BREWERY_FIRST = {
        "Copper", "Old", "Iron", "Black", "Red", "Northern", "Wild", "Golden", "Stone", "Silver", "Foggy", "Rusty",
        "Crooked", "Lucky", "Salty", "Hidden", "Broken", "Blue", "Green", "Twin", "Little", "High", "Lazy", "Brave",
        "Quiet", "Grey", "Frosty", "Hollow", "Three", "Seven", "Long", "Bitter",
    };
    private static final String[] BREWERY_SECOND = {
        "Hill", "Harbor", "Fox", "Anchor", "Oak", "River", "Barrel", "Kettle", "Owl", "Bear", "Valley", "Peak",
        "Mill", "Bridge", "Lantern", "Crow", "Ridge", "Creek", "Forge", "Meadow", "Pines", "Lighthouse", "Abbey",
        "Cellar",
    };
    private static final String[] DESCRIPTORS = {
        "Midnight", "Sunrise", "Juicy", "Velvet", "Thunder", "Harvest", "Cloudburst", "Nightfall", "Orchard",
        "Wanderer", "Lighthouse Keeper's", "Hop, Skip & Jump", "Barrel-Aged", "Winter", "Summer", "Dry-Hopped",
        "Reserve", "Grand Cru", "Fog Bank", "Ember", "Heritage", "Monk's", "Pilgrim", "Tidal", "Northern Lights",
        "Smoked", "Session", "Wild Yeast",
    };
    private static final BigDecimal[] RATING_VALUES = {
        BigDecimal.valueOf(1), BigDecimal.valueOf(2), BigDecimal.valueOf(3), BigDecimal.valueOf(4),
        BigDecimal.valueOf(5),
    };

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
        SplittableRandom random = new SplittableRandom(spec.seed());
        Catalogue catalogue = Catalogue.create(spec, random.split());
        for (int p = 0; p < spec.products(); p++) {
            productSink.accept(catalogue.row(p));
        }
        int[] activity = activity(random.split());
        UserSampler sampler = new UserSampler(catalogue, attemptsPerRating);
        SplittableRandom userRandoms = random.split();
        int width = Math.max(5, Integer.toString(spec.users()).length());
        for (int u = 0; u < spec.users(); u++) {
            String userId = "U" + zeroPad(u + 1, width);
            // one stream per user: a user's ratings do not depend on how many draws earlier users needed
            sampler.generateUser(userId, u, activity[u], userRandoms.split(), ratingSink);
        }
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

    /** Products with their family, popularity and quality, plus per-family cumulative popularity for sampling. */
    private static final class Catalogue {

        final StyleFamily[] family;
        final double[] popularity;
        final double[] quality;
        final ProductRow[] rows;
        /** Per family: its products and their cumulative popularity, for drawing a product of that family. */
        final int[][] familyProducts;
        final double[][] familyCumulative;

        private Catalogue(int size) {
            family = new StyleFamily[size];
            popularity = new double[size];
            quality = new double[size];
            rows = new ProductRow[size];
            familyProducts = new int[StyleFamily.values().length][];
            familyCumulative = new double[StyleFamily.values().length][];
        }

        ProductRow row(int p) {
            return rows[p];
        }

        static Catalogue create(SampleDataSpec spec, SplittableRandom random) {
            int n = spec.products();
            Catalogue c = new Catalogue(n);
            StyleFamily[] families = StyleFamily.values();
            double[] familyShares = Arrays.stream(families).mapToDouble(f -> f.catalogueShare).toArray();

            // Zipf-Mandelbrot popularity over a random ranking; the offset flattens the head a little so that
            // the favourite beer is rated by a large minority of users, not by everybody
            int[] rank = permutation(n, random);
            double offset = 1 + ZIPF_OFFSET_SHARE * n;
            double logSum = 0;
            double logSquares = 0;
            for (int p = 0; p < n; p++) {
                c.popularity[p] = StrictMath.pow(rank[p] + offset, -ZIPF_EXPONENT);
                double log = StrictMath.log(c.popularity[p]);
                logSum += log;
                logSquares += log * log;
            }
            double logMean = logSum / n;
            double logSd = Math.sqrt(Math.max(1e-12, logSquares / n - logMean * logMean));

            // exactly round(share * n) inactive products, chosen at random
            boolean[] inactive = new boolean[n];
            int[] order = permutation(n, random);
            long inactiveCount = Math.round(spec.inactiveShare() * n);
            for (int i = 0; i < inactiveCount; i++) {
                inactive[order[i]] = true;
            }

            int width = Math.max(4, Integer.toString(n).length());
            Set<String> names = new HashSet<>();
            for (int p = 0; p < n; p++) {
                StyleFamily f = families[pick(familyShares, random)];
                String style = f.styles.get(random.nextInt(f.styles.size()));
                c.family[p] = f;
                // popular beers tend to be good ones, loosely
                double popularityZ = (StrictMath.log(c.popularity[p]) - logMean) / logSd;
                c.quality[p] = 0.25 * popularityZ + 0.45 * gaussian(random);
                String id = "B" + zeroPad(p + 1, width);
                c.rows[p] = new ProductRow(id, uniqueName(style, names, random), style, !inactive[p]);
            }

            for (StyleFamily f : families) {
                int members = 0;
                for (int p = 0; p < n; p++) {
                    members += c.family[p] == f ? 1 : 0;
                }
                int[] products = new int[members];
                double[] cumulative = new double[members];
                double sum = 0;
                int k = 0;
                for (int p = 0; p < n; p++) {
                    if (c.family[p] == f) {
                        sum += c.popularity[p];
                        products[k] = p;
                        cumulative[k++] = sum;
                    }
                }
                c.familyProducts[f.ordinal()] = products;
                c.familyCumulative[f.ordinal()] = cumulative;
            }
            return c;
        }

        double familyMass(int f) {
            double[] cumulative = familyCumulative[f];
            return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
        }

        /** A product of family {@code f}, drawn by popularity. */
        int drawFromFamily(int f, SplittableRandom random) {
            double[] cumulative = familyCumulative[f];
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int at = Arrays.binarySearch(cumulative, target);
            at = at >= 0 ? at + 1 : -at - 1;
            return familyProducts[f][Math.min(at, cumulative.length - 1)];
        }

        private static String uniqueName(String style, Set<String> names, SplittableRandom random) {
            for (int attempt = 0; ; attempt++) {
                StringBuilder name = new StringBuilder(48)
                        .append(BREWERY_FIRST[random.nextInt(BREWERY_FIRST.length)]).append(' ')
                        .append(BREWERY_SECOND[random.nextInt(BREWERY_SECOND.length)]).append(' ');
                if (random.nextInt(3) > 0) {
                    name.append(DESCRIPTORS[random.nextInt(DESCRIPTORS.length)]).append(' ');
                }
                name.append(style);
                if (attempt >= 10) {
                    // the name space is a few hundred thousand; big catalogues number the rare clash
                    name.append(" No. ").append(attempt - 8);
                }
                if (names.add(name.toString())) {
                    return name.toString();
                }
            }
        }
    }

    /** Draws one user's taste and ratings. Holds only per-product scratch arrays, reused across users. */
    private static final class UserSampler {

        private static final StyleFamily[] FAMILIES = StyleFamily.values();

        private final Catalogue catalogue;
        private final int attemptsPerRating;
        /** seenBy[p] == user + 1 when the current user already rated p: no clearing between users. */
        private final int[] seenBy;
        private final double[] affinity = new double[FAMILIES.length];
        private final double[] familyWeight = new double[FAMILIES.length];
        private final double[] fanShares = Arrays.stream(FAMILIES).mapToDouble(f -> f.fanShare).toArray();

        UserSampler(Catalogue catalogue, int attemptsPerRating) {
            this.catalogue = catalogue;
            this.attemptsPerRating = attemptsPerRating;
            this.seenBy = new int[catalogue.rows.length];
        }

        void generateUser(String userId, int user, int count, SplittableRandom random, RatingSink sink)
                throws IOException {
            drawTaste(random);
            double maxAffinity = Arrays.stream(affinity).max().orElse(1);
            for (int f = 0; f < FAMILIES.length; f++) {
                familyWeight[f] = affinity[f] * catalogue.familyMass(f);
            }
            double bias = 0.35 * gaussian(random);
            // users join at some point in the window and stay; more of them recently, as a shop grows
            long start = (long) (WINDOW_SECONDS * 0.95 * Math.sqrt(random.nextDouble()));

            int stamp = user + 1;
            int drawn = 0;
            long attempts = 0;
            long maxAttempts = attemptsPerRating * (count + 5L);
            while (drawn < count && attempts++ < maxAttempts) {
                int p = catalogue.drawFromFamily(pick(familyWeight, random), random);
                if (seenBy[p] != stamp) {
                    seenBy[p] = stamp;
                    emit(userId, p, maxAffinity, bias, start, random, sink);
                    drawn++;
                }
            }
            if (drawn < count) {
                // a very heavy user has used up the likely products: draw the rest exactly, without replacement
                for (int p : drawWithoutReplacement(count - drawn, stamp, random)) {
                    seenBy[p] = stamp;
                    emit(userId, p, maxAffinity, bias, start, random, sink);
                }
            }
        }

        private void drawTaste(SplittableRandom random) {
            if (random.nextDouble() < GENERALIST_SHARE) {
                for (int f = 0; f < FAMILIES.length; f++) {
                    affinity[f] = 0.3 + 0.7 * random.nextDouble();
                }
                return;
            }
            for (int f = 0; f < FAMILIES.length; f++) {
                affinity[f] = OTHER_FAMILY_AFFINITY * (0.5 + random.nextDouble());
            }
            int favourite = pick(fanShares, random);
            affinity[favourite] = 1;
            if (random.nextDouble() < SECOND_FAMILY_SHARE) {
                int second = pick(fanShares, random);
                if (second != favourite) {
                    affinity[second] = 0.3 + 0.4 * random.nextDouble();
                }
            }
        }

        private void emit(String userId, int p, double maxAffinity, double bias, long start,
                SplittableRandom random, RatingSink sink) throws IOException {
            double relativeAffinity = affinity[catalogue.family[p].ordinal()] / maxAffinity;
            double raw = 3.4 + 1.2 * (relativeAffinity - 0.6) + catalogue.quality[p] + bias
                    + 0.7 * gaussian(random);
            int rating = (int) Math.max(1, Math.min(5, Math.round(raw)));
            long second = start + (long) (random.nextDouble() * (WINDOW_SECONDS - start));
            LocalDateTime ratedAt = LocalDateTime.ofEpochSecond(WINDOW_START_EPOCH + second, 0, ZoneOffset.UTC);
            sink.accept(new RatingRow(userId, catalogue.rows[p].productId(), RATING_VALUES[rating - 1], ratedAt));
        }

        /** Efraimidis-Spirakis: the k unseen products with the smallest exponential keys, weight affinity x pop. */
        private int[] drawWithoutReplacement(int k, int stamp, SplittableRandom random) {
            int n = seenBy.length;
            int[] keyed = new int[n];
            double[] keys = new double[n];
            int candidates = 0;
            for (int p = 0; p < n; p++) {
                if (seenBy[p] != stamp) {
                    double weight = affinity[catalogue.family[p].ordinal()] * catalogue.popularity[p];
                    keys[candidates] = -StrictMath.log(1 - random.nextDouble()) / weight;
                    keyed[candidates++] = p;
                }
            }
            Integer[] order = new Integer[candidates];
            for (int i = 0; i < candidates; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(keys[a], keys[b]));
            int[] chosen = new int[k];
            for (int i = 0; i < k; i++) {
                chosen[i] = keyed[order[i]];
            }
            return chosen;
        }
    }

    /** Index i with probability weights[i] / sum(weights). */
    private static int pick(double[] weights, SplittableRandom random) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double target = random.nextDouble() * sum;
        for (int i = 0; i < weights.length - 1; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }

    /**
     * A standard normal draw (Marsaglia polar method). Own implementation on StrictMath because the JDK's
     * nextGaussian may use platform intrinsics, and the committed sample must come out byte-identical everywhere.
     */
    private static double gaussian(SplittableRandom random) {
        double x;
        double y;
        double s;
        do {
            x = 2 * random.nextDouble() - 1;
            y = 2 * random.nextDouble() - 1;
            s = x * x + y * y;
        } while (s >= 1 || s == 0);
        return x * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }

    private static String zeroPad(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /**
     * Command line: {@code --out DIR [--size SAMPLE|S|M|L] [--users N] [--products N] [--ratings N] [--seed N]
     * [--inactive-share X]}. Sizes default to {@code --size}, itself defaulting to SAMPLE; the seed defaults to
     * {@link SampleSize#DEFAULT_SEED}. Exit code 0 on success, 2 on bad arguments, 1 on an I/O error.
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static final String USAGE = """
            Usage: SampleDataGenerator --out DIR [--size SAMPLE|S|M|L] [--users N] [--products N] [--ratings N]
                                       [--seed N] [--inactive-share X]
              Writes DIR/products.csv and DIR/ratings.csv: a synthetic beer-shop data set, the same for the same
              arguments. --size picks named sizes (default SAMPLE: 3000 users, 300 products, 60000 ratings);
              --users, --products and --ratings override them. --seed defaults to %d, --inactive-share to %s.
            """.formatted(SampleSize.DEFAULT_SEED, SampleDataSpec.DEFAULT_INACTIVE_SHARE);

    /** main without System.exit, for tests: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        SampleDataSpec spec;
        Path dir;
        try {
            Arguments parsed = Arguments.parse(args);
            if (parsed == null) {
                out.print(USAGE);
                return 0;
            }
            dir = parsed.out;
            spec = parsed.spec;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        long startNanos = System.nanoTime();
        try {
            new SampleDataGenerator(spec).writeCsv(dir);
        } catch (IOException e) {
            err.println("error: could not write to " + dir + ": " + e);
            return 1;
        }
        out.printf(Locale.ROOT, "wrote %d products and %d ratings of %d users to %s in %.1f s%n", spec.products(),
                spec.ratings(), spec.users(), dir, (System.nanoTime() - startNanos) / 1e9);
        return 0;
    }

    private record Arguments(Path out, SampleDataSpec spec) {

        private static final List<String> OPTIONS = List.of("--out", "--size", "--users", "--products", "--ratings",
                "--seed", "--inactive-share");

        /** Null when help was asked for. */
        static Arguments parse(String[] args) {
            Path out = null;
            SampleSize size = SampleSize.SAMPLE;
            Integer users = null;
            Integer products = null;
            Long ratings = null;
            long seed = SampleSize.DEFAULT_SEED;
            double inactiveShare = SampleDataSpec.DEFAULT_INACTIVE_SHARE;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    return null;
                }
                String value;
                int equals = name.indexOf('=');
                if (equals > 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    value = null;
                }
                if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option " + name);
                }
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                switch (name) {
                    case "--out" -> out = Path.of(value);
                    case "--size" -> size = sizeNamed(value);
                    case "--users" -> users = (int) number(name, value, Integer.MAX_VALUE);
                    case "--products" -> products = (int) number(name, value, Integer.MAX_VALUE);
                    case "--ratings" -> ratings = number(name, value, Long.MAX_VALUE);
                    case "--seed" -> seed = seed(value);
                    default -> inactiveShare = share(value);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            SampleDataSpec spec = new SampleDataSpec(users != null ? users : size.users(),
                    products != null ? products : size.products(), ratings != null ? ratings : size.ratings(),
                    seed, inactiveShare);
            return new Arguments(out, spec);
        }

        private static SampleSize sizeNamed(String value) {
            try {
                return SampleSize.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--size must be one of " + Arrays.toString(SampleSize.values())
                        + ", was " + value);
            }
        }

        private static long number(String name, String value, long max) {
            try {
                long n = Long.parseLong(value);
                if (n < 1 || n > max) {
                    throw new IllegalArgumentException(name + " must be between 1 and " + max + ", was " + value);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was " + value);
            }
        }

        private static long seed(String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed must be a whole number, was " + value);
            }
        }

        private static double share(String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--inactive-share must be a number, was " + value);
            }
        }
    }
}
