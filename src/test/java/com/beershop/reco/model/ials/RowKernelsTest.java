package com.beershop.reco.model.ials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector kernels give the scalar kernels' doubles to the last bit, for every kernel, at factor counts on and off
 * the four- and eight-lane blocks and for rows of 0, 1, 2, odd and many ratings: the model a JVM trains does not
 * depend on whether it was started with the Vector API. The tests run with it (the surefire argLine).
 */
class RowKernelsTest {

    private static final RowKernels SCALAR = ScalarRowKernels.INSTANCE;
    private static final RowKernels VECTOR = new VectorRowKernels();

    static Stream<Arguments> factorsAndRatings() {
        return IntStream.of(1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 31, 64, 67)
                .boxed()
                .flatMap(k -> IntStream.of(0, 1, 2, 3, 33).mapToObj(n -> Arguments.of(k, n)));
    }

    @ParameterizedTest(name = "{0} factors, {1} ratings")
    @MethodSource("factorsAndRatings")
    void shouldGiveTheScalarKernelsBitsForEveryKernel(int k, int n) {
        SplittableRandom random = new SplittableRandom(31L * k + n);
        double[] gram = gaussians(k * k, random);
        double[] y = gaussians(n * k, random);
        double[] scale = gaussians(n, random);
        double[] v = gaussians(k, random);
        double[] start = gaussians(k, random);

        assertSameBits(k, kernels -> out -> kernels.multiplyGram(gram, v, out, k), new double[k]);
        assertSameBits(k, kernels -> out -> kernels.accumulate(y, scale, n, out, k), start);
        assertSameBits(n, kernels -> out -> kernels.dots(y, n, v, out, k), new double[n]);
        assertSameBits(n, kernels -> out -> kernels.dotsFromColumns(factorMajor(y, n, k), n, v, out, k),
                new double[n]);
    }

    @ParameterizedTest(name = "{0} factors, {1} ratings")
    @MethodSource("factorsAndRatings")
    void shouldSumEachDotInFourChainsOfWholeBlocksThenPairwiseFromEitherLayout(int k, int n) {
        SplittableRandom random = new SplittableRandom(17L * k + n);
        double[] y = gaussians(n * k, random);
        double[] v = gaussians(k, random);
        double[] expected = new double[n];
        for (int e = 0; e < n; e++) {
            double[] chain = new double[4];
            for (int f = 0; f < k; f++) {
                chain[f < (k & ~3) ? f % 4 : 0] += y[e * k + f] * v[f];
            }
            expected[e] = (chain[0] + chain[1]) + (chain[2] + chain[3]);
        }

        for (RowKernels kernels : new RowKernels[]{SCALAR, VECTOR}) {
            double[] fromRows = new double[n];
            double[] fromColumns = new double[n];
            kernels.dots(y, n, v, fromRows, k);
            kernels.dotsFromColumns(factorMajor(y, n, k), n, v, fromColumns, k);
            assertThat(bits(fromRows)).as(kernels.name() + ", rating-major").containsExactly(bits(expected));
            assertThat(bits(fromColumns)).as(kernels.name() + ", factor-major").containsExactly(bits(expected));
        }
    }

    /** The row's factors y[e][f], stored as the trainer gathers them for the dots: at f * n + e. */
    private static double[] factorMajor(double[] y, int n, int k) {
        double[] columns = new double[n * k];
        for (int e = 0; e < n; e++) {
            for (int f = 0; f < k; f++) {
                columns[f * n + e] = y[e * k + f];
            }
        }
        return columns;
    }

    @ParameterizedTest(name = "{0} factors")
    @MethodSource("factorCounts")
    void shouldAddTheOuterProductsOfEveryRowInOrderToTheUpperTriangleOnly(int k) {
        for (int rows : new int[]{0, 1, 3, 64, 65, 130}) {
            SplittableRandom random = new SplittableRandom(7L * k + rows);
            float[] factors = new float[(rows + 2) * k];
            for (int i = 0; i < factors.length; i++) {
                factors[i] = (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-3, 4)));
            }
            double[] start = gaussians(k * k, random);
            double[] expected = start.clone();
            // the plain loop: row by row (rows 1 to rows, so the first row is left out), b >= a only
            for (int row = 1; row <= rows; row++) {
                for (int a = 0; a < k; a++) {
                    for (int b = a; b < k; b++) {
                        expected[a * k + b] += (double) factors[row * k + a] * factors[row * k + b];
                    }
                }
            }

            for (RowKernels kernels : new RowKernels[]{SCALAR, VECTOR}) {
                double[] g = start.clone();
                kernels.addOuterProducts(factors, 1, rows + 1, k, g);
                assertThat(bits(g)).as(kernels.name() + ", " + rows + " rows").containsExactly(bits(expected));
            }
        }
    }

    static IntStream factorCounts() {
        return IntStream.of(1, 3, 4, 7, 8, 9, 12, 15, 16, 17, 24, 31, 64, 67);
    }

    @Test
    void shouldNameTheKernelsTheLogReports() {
        assertThat(VECTOR.name()).isEqualTo("vector (256-bit)");
        assertThat(SCALAR.name()).isEqualTo("scalar");
        // the tests' JVM has the module, so the trainer runs the vector kernels here
        assertThat(RowKernels.fastest()).isInstanceOf(VectorRowKernels.class);
    }

    private interface Kernel {
        Consumer<double[]> on(RowKernels kernels);
    }

    private static void assertSameBits(int length, Kernel kernel, double[] initial) {
        double[] scalar = initial.clone();
        double[] vector = initial.clone();
        kernel.on(SCALAR).accept(scalar);
        kernel.on(VECTOR).accept(vector);
        assertThat(bits(vector)).hasSize(length).containsExactly(bits(scalar));
    }

    private static double[] gaussians(int n, SplittableRandom random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            // a wide spread of magnitudes, so that a changed order of additions shows in the last bits
            values[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-3, 4));
        }
        return values;
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }
}
