package com.beershop.reco.sample;

import static com.beershop.reco.sample.Draws.gaussian;
import static com.beershop.reco.sample.Draws.permutation;
import static com.beershop.reco.sample.Draws.pick;
import static com.beershop.reco.sample.Draws.zeroPad;

import com.beershop.reco.ingest.Product;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The generated products with their {@link StyleFamily family}, Zipf-like popularity and a quality loosely tied to
 * it, plus per-family cumulative popularity for drawing a product of a family. Immutable once created.
 */
final class SampleCatalogue {

    // Tuned (see sample-data/README.md) so that popularity dominates what gets rated without drowning taste.
    private static final double ZIPF_EXPONENT = 0.9;
    private static final double ZIPF_OFFSET_SHARE = 0.01;

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

    private final StyleFamily[] family;
    private final double[] popularity;
    private final double[] quality;
    private final Product[] products;
    /** Per family: its products and their cumulative popularity, for drawing a product of that family. */
    private final int[][] familyProducts;
    private final double[][] familyCumulative;

    private SampleCatalogue(int size) {
        family = new StyleFamily[size];
        popularity = new double[size];
        quality = new double[size];
        products = new Product[size];
        familyProducts = new int[StyleFamily.values().length][];
        familyCumulative = new double[StyleFamily.values().length][];
    }

    static SampleCatalogue create(SampleDataSpec spec, SplittableRandom random) {
        int n = spec.products();
        SampleCatalogue c = new SampleCatalogue(n);
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
            c.products[p] = new Product(id, uniqueName(style, names, random), style, !inactive[p]);
        }

        for (StyleFamily f : families) {
            c.indexFamily(f);
        }
        return c;
    }

    private void indexFamily(StyleFamily f) {
        int members = 0;
        for (StyleFamily member : family) {
            members += member == f ? 1 : 0;
        }
        int[] ofFamily = new int[members];
        double[] cumulative = new double[members];
        double sum = 0;
        int k = 0;
        for (int p = 0; p < family.length; p++) {
            if (family[p] == f) {
                sum += popularity[p];
                ofFamily[k] = p;
                cumulative[k++] = sum;
            }
        }
        familyProducts[f.ordinal()] = ofFamily;
        familyCumulative[f.ordinal()] = cumulative;
    }

    int size() {
        return products.length;
    }

    Product product(int p) {
        return products[p];
    }

    StyleFamily family(int p) {
        return family[p];
    }

    double popularity(int p) {
        return popularity[p];
    }

    double quality(int p) {
        return quality[p];
    }

    /** The summed popularity of family {@code f}'s products. */
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
