package com.beershop.reco.model.ials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The half-step's register-blocked loops, scalar and vector, are a speed-up only, and so is the factor-major copy the
 * dots read at 8 factors or fewer (1, 3 and 8 below; 12 and 64 take the rating-major dots): they must solve every
 * row to the same float factors, to the last bit, as the plain loops they replaced (one multiply-add at a time, in the same
 * order), at any number of factors, with rows of no rating, one rating and an odd number of them. The plain loops
 * live here as the reference. (A wrong index or a dropped tail fails this; a reordered sum whose difference stays
 * below the floats' rounding may not: the doubles inside are not compared here, but in {@link RowKernelsTest}.)
 */
class AlsHalfStepTest {

    private static final int CG_STEPS = 3;

    static Stream<Arguments> kernelsAndFactors() {
        return Stream.of(ScalarRowKernels.INSTANCE, new VectorRowKernels())
                .flatMap(kernels -> IntStream.of(1, 3, 8, 12, 64).mapToObj(k -> Arguments.of(kernels.name(), k)));
    }

    @ParameterizedTest(name = "{0} kernels, {1} factors")
    @MethodSource("kernelsAndFactors")
    void shouldSolveEveryRowToTheSameBitsAsThePlainLoops(String kernelsName, int k) {
        // given
        SplittableRandom random = new SplittableRandom(20261204L + k);
        int rows = 40;
        int fixedRows = 70;
        int[] start = new int[rows + 1];
        int[] ratingsOf = new int[rows];
        for (int row = 0; row < rows; row++) {
            // 0, 1 and odd counts on purpose: the tails of the two-at-a-time and eight-at-a-time loops
            ratingsOf[row] = row < 3 ? row : random.nextInt(fixedRows);
            start[row + 1] = start[row] + ratingsOf[row];
        }
        int[] other = new int[start[rows]];
        float[] weights = new float[start[rows]];
        for (int e = 0; e < other.length; e++) {
            other[e] = random.nextInt(fixedRows);
            weights[e] = (float) (random.nextDouble() * 10);
        }
        double[] reg = new double[rows];
        for (int row = 0; row < rows; row++) {
            reg[row] = 0.01 + random.nextDouble();
        }
        AlsHalfStep.Side side = new AlsHalfStep.Side(rows, start, other, weights, reg);
        float[] fixed = gaussians(fixedRows * k, random);
        float[] target = gaussians(rows * k, random);
        float[] initial = target.clone();
        float[] expected = target.clone();

        // when
        RowKernels kernels = kernelsName.equals("scalar") ? ScalarRowKernels.INSTANCE : new VectorRowKernels();
        new AlsHalfStep(k, CG_STEPS, kernels).solve(side, target, fixed, fixedRows);
        PlainHalfStep.solve(side, expected, fixed, fixedRows, k);

        // then
        assertThat(bits(target)).containsExactly(bits(expected));
        assertThat(bits(target)).isNotEqualTo(bits(initial)); // the rows were solved, not left as they came
    }

    private static float[] gaussians(int n, SplittableRandom random) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) ((random.nextDouble() - 0.5) * 0.2);
        }
        return values;
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    /** The half-step as it was written before the blocked loops: one rating and one output at a time. */
    private static final class PlainHalfStep {

        static void solve(AlsHalfStep.Side side, float[] target, float[] fixed, int fixedRows, int k) {
            double[] gram = AlsHalfStep.gramian(fixed, fixedRows, k, ScalarRowKernels.INSTANCE);
            for (int row = 0; row < side.rows(); row++) {
                solveRow(side, row, target, fixed, gram, k);
            }
        }

        private static void solveRow(AlsHalfStep.Side side, int row, float[] target, float[] fixed, double[] gram,
                                     int k) {
            double[] x = new double[k];
            double[] r = new double[k];
            double[] p = new double[k];
            double[] ap = new double[k];
            int offset = row * k;
            int from = side.start()[row];
            int to = side.start()[row + 1];
            double lambda = side.reg()[row];
            for (int f = 0; f < k; f++) {
                x[f] = target[offset + f];
            }
            multiplyGram(gram, x, r, k);
            for (int f = 0; f < k; f++) {
                r[f] = -r[f] - lambda * x[f];
            }
            for (int e = from; e < to; e++) {
                int yo = side.other()[e] * k;
                double w = side.weights()[e];
                double scale = (1 + w) - w * dot(fixed, yo, x, k);
                for (int f = 0; f < k; f++) {
                    r[f] += scale * fixed[yo + f];
                }
            }
            double rsOld = 0;
            for (int f = 0; f < k; f++) {
                p[f] = r[f];
                rsOld += r[f] * r[f];
            }
            for (int step = 0; step < CG_STEPS && rsOld > 1e-20; step++) {
                multiplyGram(gram, p, ap, k);
                for (int f = 0; f < k; f++) {
                    ap[f] += lambda * p[f];
                }
                for (int e = from; e < to; e++) {
                    int yo = side.other()[e] * k;
                    double scale = side.weights()[e] * dot(fixed, yo, p, k);
                    for (int f = 0; f < k; f++) {
                        ap[f] += scale * fixed[yo + f];
                    }
                }
                double pAp = 0;
                for (int f = 0; f < k; f++) {
                    pAp += p[f] * ap[f];
                }
                double stepSize = rsOld / pAp;
                double rsNew = 0;
                for (int f = 0; f < k; f++) {
                    x[f] += stepSize * p[f];
                    r[f] -= stepSize * ap[f];
                    rsNew += r[f] * r[f];
                }
                double beta = rsNew / rsOld;
                for (int f = 0; f < k; f++) {
                    p[f] = r[f] + beta * p[f];
                }
                rsOld = rsNew;
            }
            for (int f = 0; f < k; f++) {
                target[offset + f] = (float) x[f];
            }
        }

        private static void multiplyGram(double[] gram, double[] v, double[] out, int k) {
            java.util.Arrays.fill(out, 0, k, 0.0);
            for (int b = 0, go = 0; b < k; b++, go += k) {
                double vb = v[b];
                for (int a = 0; a < k; a++) {
                    out[a] += vb * gram[go + a];
                }
            }
        }

        private static double dot(float[] y, int offset, double[] v, int k) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int f = 0;
            for (; f + 3 < k; f += 4) {
                s0 += y[offset + f] * v[f];
                s1 += y[offset + f + 1] * v[f + 1];
                s2 += y[offset + f + 2] * v[f + 2];
                s3 += y[offset + f + 3] * v[f + 3];
            }
            for (; f < k; f++) {
                s0 += y[offset + f] * v[f];
            }
            return (s0 + s1) + (s2 + s3);
        }
    }
}
