package com.beershop.reco.online;

/**
 * The Wilson score interval of a proportion: unlike the normal approximation it stays inside [0, 1] and is honest
 * for small counts and for proportions near 0 or 1, which is what a small arm or a rare hit gives.
 */
public final class Wilson {

    /** z of a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    public record Interval(double low, double high) {
    }

    /** The 95 % interval of {@code successes} out of {@code trials}; null when there was no trial. */
    public static Interval of(long successes, long trials) {
        if (trials <= 0) {
            return null;
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // at 0 or all successes the bound is exactly 0 or 1; the arithmetic would miss it by a rounding
        return new Interval(successes == 0 ? 0 : Math.max(0, centre - half),
                successes >= trials ? 1 : Math.min(1, centre + half));
    }
}
