package com.beershop.reco.model.ials;

import com.beershop.reco.model.IndexRanges;

/**
 * One half-iteration of implicit ALS: every row of one side solved against the other side's fixed factors, each
 * by a few conjugate-gradient steps warm-started from its current factors (Takács, Pilászy and Tikk 2011).
 * The unrated part enters through the Gramian YᵀY computed once per half-iteration.
 */
final class AlsHalfStep {

    // rows per parallel block: big enough to amortise scheduling, small enough to balance 2-64 cores
    private static final int BLOCK = 512;

    private final int k;
    private final int cgSteps;

    AlsHalfStep(int factors, int cgSteps) {
        this.k = factors;
        this.cgSteps = cgSteps;
    }

    /** One side's rows: who each row interacted with, the alpha * r' weights, and each row's lambda. */
    record Side(int rows, int[] start, int[] other, float[] weights, double[] reg) {
    }

    /** Updates every row of {@code target} against fixed {@code fixed} factors (which have {@code fixedRows} rows). */
    void solve(Side side, float[] target, float[] fixed, int fixedRows) {
        double[] gram = gramian(fixed, fixedRows, k);
        IndexRanges.forEachBlock(side.rows(), BLOCK, (block, from, to) -> {
            double[] x = new double[k];
            double[] r = new double[k];
            double[] p = new double[k];
            double[] ap = new double[k];
            float[][] gathered = {new float[64 * k]};
            for (int row = from; row < to; row++) {
                solveRow(side, row, target, fixed, gram, x, r, p, ap, gathered);
            }
        });
    }

    /**
     * Conjugate gradient on (YᵀY + Yᵀ(C - I)Y + lambda I) x = Yᵀ C p for one row, starting from the current factors.
     */
    private void solveRow(Side side, int row, float[] target, float[] fixed, double[] gram,
                          double[] x, double[] r, double[] p, double[] ap, float[][] gathered) {
        int offset = row * k;
        int from = side.start()[row];
        int to = side.start()[row + 1];
        int[] other = side.other();
        float[] weights = side.weights();
        // the row's fixed factors, copied once into one run: the CG steps then read them in order, not at random
        // across a table of megabytes (the user table on the item side)
        int n = to - from;
        if (gathered[0].length < n * k) {
            gathered[0] = new float[Math.max(n * k, gathered[0].length * 2)];
        }
        float[] y = gathered[0];
        for (int e = from, yo = 0; e < to; e++, yo += k) {
            System.arraycopy(fixed, other[e] * k, y, yo, k);
        }
        double lambda = side.reg()[row];
        for (int f = 0; f < k; f++) {
            x[f] = target[offset + f];
        }
        // r = b - A x
        multiplyGram(gram, x, r, k);
        for (int f = 0; f < k; f++) {
            r[f] = -r[f] - lambda * x[f];
        }
        for (int e = from, yo = 0; e < to; e++, yo += k) {
            double w = weights[e];
            double scale = (1 + w) - w * dot(y, yo, x, k);
            for (int f = 0; f < k; f++) {
                r[f] += scale * y[yo + f];
            }
        }
        double rsOld = 0;
        for (int f = 0; f < k; f++) {
            p[f] = r[f];
            rsOld += r[f] * r[f];
        }
        for (int step = 0; step < cgSteps && rsOld > 1e-20; step++) {
            multiplyGram(gram, p, ap, k);
            for (int f = 0; f < k; f++) {
                ap[f] += lambda * p[f];
            }
            for (int e = from, yo = 0; e < to; e++, yo += k) {
                double scale = weights[e] * dot(y, yo, p, k);
                for (int f = 0; f < k; f++) {
                    ap[f] += scale * y[yo + f];
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

    // column form (out += v[b] * gram row b, valid because the Gramian is symmetric): an axpy the JIT vectorises,
    // where the row-times-vector form is a reduction it will not reorder
    private static void multiplyGram(double[] gram, double[] v, double[] out, int k) {
        java.util.Arrays.fill(out, 0, k, 0.0);
        for (int b = 0, go = 0; b < k; b++, go += k) {
            double vb = v[b];
            for (int a = 0; a < k; a++) {
                out[a] += vb * gram[go + a];
            }
        }
    }

    // four partial sums break the add dependency chain; the order is fixed, so results stay deterministic
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

    /** YᵀY (k × k, row-major), summed per fixed block and then over blocks in order, so thread count cannot change it. */
    static double[] gramian(float[] factors, int rows, int k) {
        int blocks = IndexRanges.blocks(rows, BLOCK * 4);
        double[][] partial = new double[blocks][];
        IndexRanges.forEachBlock(rows, BLOCK * 4, (block, from, to) -> {
            double[] g = new double[k * k];
            for (int row = from; row < to; row++) {
                int o = row * k;
                for (int a = 0; a < k; a++) {
                    double va = factors[o + a];
                    int go = a * k;
                    // upper triangle only; mirrored below
                    for (int b = a; b < k; b++) {
                        g[go + b] += va * factors[o + b];
                    }
                }
            }
            partial[block] = g;
        });
        double[] gram = new double[k * k];
        for (double[] g : partial) {
            for (int i = 0; i < g.length; i++) {
                gram[i] += g[i];
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                gram[a * k + b] = gram[b * k + a];
            }
        }
        return gram;
    }

}
