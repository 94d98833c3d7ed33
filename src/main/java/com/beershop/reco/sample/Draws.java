package com.beershop.reco.sample;

import java.util.SplittableRandom;

/**
 * The random draws the generator is built from. Own implementations on {@link StrictMath} because the committed
 * sample must come out byte-identical on every JVM.
 */
final class Draws {

    private Draws() {
    }

    /** Index i with probability weights[i] / sum(weights). */
    static int pick(double[] weights, SplittableRandom random) {
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

    static int[] permutation(int n, SplittableRandom random) {
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
     * A standard normal draw (Marsaglia polar method). Not the JDK's nextGaussian, which may use platform
     * intrinsics.
     */
    static double gaussian(SplittableRandom random) {
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

    static String zeroPad(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
