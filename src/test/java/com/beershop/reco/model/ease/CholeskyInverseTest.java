package com.beershop.reco.model.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class CholeskyInverseTest {

    @Test
    void shouldInvertTheHandComputedMatrix() {
        // G = [[3,2,1],[2,4,2],[1,2,3]]: det 16, G⁻¹ = [[8,-4,0],[-4,8,-4],[0,-4,8]] / 16
        double[] g = {3, 2, 1, 2, 4, 2, 1, 2, 3};
        double[] inverse = invert(g, 3);
        assertThat(inverse).containsExactly(new double[] {0.5, -0.25, 0, -0.25, 0.5, -0.25, 0, -0.25, 0.5},
                within(1e-15));
    }

    @Test
    void shouldInvertASymmetricPositiveDefiniteMatrix() {
        // given G = AᵀA + n I for a random A, larger than two panels and not a multiple of a panel or column block
        int n = 131;
        double[] g = randomPositiveDefinite(n, 1);
        double[] inverse = invert(g, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    sum += g[i * n + r] * inverse[r * n + j];
                }
                assertThat(sum).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }

    @Test
    void shouldInvertAnIllConditionedMatrixThatEliminationWithoutPivotingLosesDigitsOn() {
        // Hilbert-like but positive definite: 1/(i+j+1) + 1e-6 I, condition number around 1e6 at n = 8
        int n = 8;
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i * n + j] = 1.0 / (i + j + 1) + (i == j ? 1e-6 : 0);
            }
        }
        double[] inverse = invert(g, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    sum += g[i * n + r] * inverse[r * n + j];
                }
                assertThat(sum).isCloseTo(i == j ? 1 : 0, within(1e-6));
            }
        }
    }

    @Test
    void shouldRefuseAMatrixThatIsNotPositiveDefinite() {
        // eigenvalues 3 and -1
        double[] g = {1, 2, 2, 1};
        assertThatThrownBy(() -> invert(g, 2))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("not positive definite at pivot 1");
    }

    @Test
    void shouldGiveBitIdenticalResultsOnOneThreadAndOnMany() throws Exception {
        int n = 100;
        double[] g = randomPositiveDefinite(n, 2);
        double[] parallel = invert(g, n);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            double[] single = one.submit(() -> invert(g, n)).get();
            assertThat(single).containsExactly(parallel);
        } finally {
            one.shutdown();
        }
    }

    private static double[] invert(double[] g, int n) {
        double[] out = new double[n * n];
        CholeskyInverse.invert(g.clone(), n, (i, j, value) -> out[i * n + j] = value);
        return out;
    }

    private static double[] randomPositiveDefinite(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble(-1, 1);
        }
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = i == j ? n : 0;
                for (int r = 0; r < n; r++) {
                    sum += a[r * n + i] * a[r * n + j];
                }
                g[i * n + j] = sum;
            }
        }
        return g;
    }
}
