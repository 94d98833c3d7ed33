package com.beershop.reco.model.ease;

import com.beershop.reco.model.IndexRanges;

/**
 * Inverse of a symmetric positive definite matrix through its Cholesky factor: A = L Lᵀ, then A⁻¹ one block of
 * {@value #COLUMNS} columns at a time by a forward and a backward triangular solve. Unlike elimination without
 * pivoting this is backward stable for every positive definite A, and it reports a matrix that is not positive
 * definite (a non-positive pivot) instead of dividing by it.
 *
 * <p>Memory: the factor overwrites the input (lower triangle; the upper one becomes scratch) and each inverse
 * entry goes straight to a {@link Sink}, so the caller decides the storage (EASE keeps floats). Cost about n³/2
 * multiply-adds: n³/6 for the factor, n³/3 for the solves, which use the symmetry of A⁻¹ (each column block
 * stops at its own diagonal and writes both (i, j) and (j, i)).
 *
 * <p>Deterministic: every entry is summed in a fixed order; parallel work splits only independent rows or column
 * blocks, so the thread count cannot change a bit of the result.
 */
final class CholeskyInverse {

    /** Receives A⁻¹(row, col); called once for each pair with row >= col and once more mirrored when row > col. */
    @FunctionalInterface
    interface Sink {
        void set(int row, int col, double value);
    }

    // panel width of the blocked factorisation: wide enough that the trailing update re-reads the panel from cache
    private static final int PANEL = 48;
    // right-hand sides solved together: the inner loop runs across them, so it vectorises and reads L once per block
    private static final int COLUMNS = 16;

    private CholeskyInverse() {
    }

    /**
     * Inverts {@code a} (n × n, row-major, symmetric positive definite; only its lower triangle is read).
     * {@code a} is destroyed.
     *
     * @throws ArithmeticException when {@code a} is not positive definite
     */
    static void invert(double[] a, int n, Sink sink) {
        factor(a, n);
        IndexRanges.forEachBlock(n, COLUMNS, (block, from, to) -> solveColumns(a, n, from, to - from, sink));
    }

    /** Cholesky in place: afterwards the lower triangle (diagonal included) of {@code a} holds L. */
    static void factor(double[] a, int n) {
        double[] panelT = new double[PANEL * n];
        for (int k0 = 0; k0 < n; k0 += PANEL) {
            int kb = Math.min(PANEL, n - k0);
            int first = k0;
            int rest = k0 + kb;
            factorDiagonalBlock(a, n, k0, kb);
            // panel below the diagonal block: L_ik = A_ik L_kk⁻ᵀ, row by row (rows independent)
            IndexRanges.forEachBlock(n - rest, 64, (block, from, to) -> {
                for (int i = rest + from; i < rest + to; i++) {
                    int io = i * n;
                    for (int t = 0; t < kb; t++) {
                        int jo = (first + t) * n;
                        double sum = a[io + first + t];
                        for (int r = 0; r < t; r++) {
                            sum -= a[io + first + r] * a[jo + first + r];
                        }
                        a[io + first + t] = sum / a[jo + first + t];
                        panelT[t * n + i] = a[io + first + t];
                    }
                }
            });
            // trailing update A_ij -= L_ik · L_jk for rest <= j <= i; four rows share each read of the panel.
            // Entries right of the diagonal are written too (the group's widest row sets the end) and never read.
            IndexRanges.forEachBlock(n - rest, 16, (block, from, to) -> {
                for (int i = rest + from; i < rest + to; i += 4) {
                    int rows = Math.min(4, rest + to - i);
                    int end = i + rows; // exclusive
                    for (int t = 0; t < kb; t++) {
                        int po = t * n;
                        if (rows == 4) {
                            int o0 = i * n;
                            int o1 = o0 + n;
                            int o2 = o1 + n;
                            int o3 = o2 + n;
                            double f0 = a[o0 + first + t];
                            double f1 = a[o1 + first + t];
                            double f2 = a[o2 + first + t];
                            double f3 = a[o3 + first + t];
                            for (int j = rest; j < end; j++) {
                                double p = panelT[po + j];
                                a[o0 + j] -= f0 * p;
                                a[o1 + j] -= f1 * p;
                                a[o2 + j] -= f2 * p;
                                a[o3 + j] -= f3 * p;
                            }
                        } else {
                            for (int r = 0; r < rows; r++) {
                                int o = (i + r) * n;
                                double f = a[o + first + t];
                                for (int j = rest; j < end; j++) {
                                    a[o + j] -= f * panelT[po + j];
                                }
                            }
                        }
                    }
                }
            });
        }
    }

    private static void factorDiagonalBlock(double[] a, int n, int k0, int kb) {
        for (int s = 0; s < kb; s++) {
            int i = k0 + s;
            int io = i * n;
            for (int t = 0; t <= s; t++) {
                int jo = (k0 + t) * n;
                double sum = a[io + k0 + t];
                for (int r = 0; r < t; r++) {
                    sum -= a[io + k0 + r] * a[jo + k0 + r];
                }
                if (t < s) {
                    a[io + k0 + t] = sum / a[jo + k0 + t];
                } else if (sum > 0) {
                    a[io + i] = Math.sqrt(sum);
                } else {
                    throw new ArithmeticException("matrix is not positive definite at pivot " + i);
                }
            }
        }
    }

    /**
     * Columns {@code j0 .. j0+cb-1} of A⁻¹, rows {@code j0..n-1}: solve L Y = E, then Lᵀ X = Y. Rows above j0
     * are the mirror of earlier blocks, so the backward sweep stops at j0.
     */
    private static void solveColumns(double[] l, int n, int j0, int cb, Sink sink) {
        int m = n - j0;
        double[] y = new double[m * cb];
        double[] acc = new double[cb];
        // forward: y_i = (e_i - Σ_{j0<=k<i} L_ik y_k) / L_ii
        for (int i = j0; i < n; i++) {
            int io = i * n;
            java.util.Arrays.fill(acc, 0.0);
            if (i - j0 < cb) {
                acc[i - j0] = 1.0;
            }
            for (int k = j0; k < i; k++) {
                double lik = l[io + k];
                int yo = (k - j0) * cb;
                for (int c = 0; c < cb; c++) {
                    acc[c] -= lik * y[yo + c];
                }
            }
            double diag = l[io + i];
            int yo = (i - j0) * cb;
            for (int c = 0; c < cb; c++) {
                y[yo + c] = acc[c] / diag;
            }
        }
        // backward, column-oriented so that L is read by rows: x_i = y_i / L_ii, then y_k -= L_ik x_i for k < i
        for (int i = n - 1; i >= j0; i--) {
            int io = i * n;
            int xo = (i - j0) * cb;
            double diag = l[io + i];
            for (int c = 0; c < cb; c++) {
                y[xo + c] /= diag;
            }
            for (int k = j0; k < i; k++) {
                double lik = l[io + k];
                int yo = (k - j0) * cb;
                for (int c = 0; c < cb; c++) {
                    y[yo + c] -= lik * y[xo + c];
                }
            }
        }
        for (int i = j0; i < n; i++) {
            int xo = (i - j0) * cb;
            for (int c = 0; c < cb; c++) {
                int j = j0 + c;
                if (i >= j) {
                    sink.set(i, j, y[xo + c]);
                    if (i > j) {
                        sink.set(j, i, y[xo + c]);
                    }
                }
            }
        }
    }
}
