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
            Scratch scratch = new Scratch(k);
            for (int row = from; row < to; row++) {
                solveRow(side, row, target, fixed, gram, scratch);
            }
        });
    }

    /** One worker's buffers: the CG vectors, and the row's gathered factors and per-rating scales, grown as needed. */
    private static final class Scratch {
        final double[] x;
        final double[] r;
        final double[] p;
        final double[] ap;
        double[] gathered;
        double[] scale;

        Scratch(int k) {
            x = new double[k];
            r = new double[k];
            p = new double[k];
            ap = new double[k];
            gathered = new double[64 * k];
            scale = new double[64];
        }

        /** Room for a row of {@code n} ratings. */
        void fit(int n, int k) {
            if (scale.length < n) {
                int rows = Math.max(n, scale.length * 2);
                scale = new double[rows];
                gathered = new double[rows * k];
            }
        }
    }

    /**
     * Conjugate gradient on (YᵀY + Yᵀ(C - I)Y + lambda I) x = Yᵀ C p for one row, starting from the current factors.
     */
    private void solveRow(Side side, int row, float[] target, float[] fixed, double[] gram, Scratch scratch) {
        int offset = row * k;
        int from = side.start()[row];
        int to = side.start()[row + 1];
        int[] other = side.other();
        float[] weights = side.weights();
        // the row's fixed factors, copied once into one run of doubles: the CG steps then read them in order, not at
        // random across a table of megabytes (the user table on the item side), and convert each float once, not at
        // every multiply-add (exact, so the sums are the same)
        int n = to - from;
        scratch.fit(n, k);
        double[] y = scratch.gathered;
        double[] scale = scratch.scale;
        double[] x = scratch.x;
        double[] r = scratch.r;
        double[] p = scratch.p;
        double[] ap = scratch.ap;
        for (int e = from, yo = 0; e < to; e++, yo += k) {
            int src = other[e] * k;
            for (int f = 0; f < k; f++) {
                y[yo + f] = fixed[src + f];
            }
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
        dots(y, n, x, scale, k);
        for (int e = 0; e < n; e++) {
            double w = weights[from + e];
            scale[e] = (1 + w) - w * scale[e];
        }
        accumulate(y, scale, n, r, k);
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
            dots(y, n, p, scale, k);
            for (int e = 0; e < n; e++) {
                scale[e] = weights[from + e] * scale[e];
            }
            accumulate(y, scale, n, ap, k);
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

    // Eight outputs at a time, each summed over b in order as a plain loop would: the same bits, but eight
    // independent chains held in registers instead of a load and a store of out[a] per multiply-add (the JIT does
    // not vectorise the plain loop; this is 1.5-3x faster on its own)
    private static void multiplyGram(double[] gram, double[] v, double[] out, int k) {
        int a = 0;
        for (; a + 7 < k; a += 8) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double s6 = 0;
            double s7 = 0;
            // element (b, a): out = Gᵀv, which is Gv as the Gramian is symmetric
            for (int b = 0, g = a; b < k; b++, g += k) {
                double vb = v[b];
                s0 += vb * gram[g];
                s1 += vb * gram[g + 1];
                s2 += vb * gram[g + 2];
                s3 += vb * gram[g + 3];
                s4 += vb * gram[g + 4];
                s5 += vb * gram[g + 5];
                s6 += vb * gram[g + 6];
                s7 += vb * gram[g + 7];
            }
            out[a] = s0;
            out[a + 1] = s1;
            out[a + 2] = s2;
            out[a + 3] = s3;
            out[a + 4] = s4;
            out[a + 5] = s5;
            out[a + 6] = s6;
            out[a + 7] = s7;
        }
        for (; a < k; a++) {
            double s0 = 0;
            for (int b = 0, g = a; b < k; b++, g += k) {
                s0 += v[b] * gram[g];
            }
            out[a] = s0;
        }
    }

    // out[f] += sum over the row's ratings e, in order, of scale[e] * y[e][f]: eight factors at a time in registers,
    // the same additions in the same order as one axpy per rating
    private static void accumulate(double[] y, double[] scale, int n, double[] out, int k) {
        int f = 0;
        for (; f + 7 < k; f += 8) {
            double s0 = out[f];
            double s1 = out[f + 1];
            double s2 = out[f + 2];
            double s3 = out[f + 3];
            double s4 = out[f + 4];
            double s5 = out[f + 5];
            double s6 = out[f + 6];
            double s7 = out[f + 7];
            for (int e = 0, yo = f; e < n; e++, yo += k) {
                double se = scale[e];
                s0 += se * y[yo];
                s1 += se * y[yo + 1];
                s2 += se * y[yo + 2];
                s3 += se * y[yo + 3];
                s4 += se * y[yo + 4];
                s5 += se * y[yo + 5];
                s6 += se * y[yo + 6];
                s7 += se * y[yo + 7];
            }
            out[f] = s0;
            out[f + 1] = s1;
            out[f + 2] = s2;
            out[f + 3] = s3;
            out[f + 4] = s4;
            out[f + 5] = s5;
            out[f + 6] = s6;
            out[f + 7] = s7;
        }
        for (; f < k; f++) {
            double s0 = out[f];
            for (int e = 0, yo = f; e < n; e++, yo += k) {
                s0 += scale[e] * y[yo];
            }
            out[f] = s0;
        }
    }

    // four partial sums break the add dependency chain; the order is fixed, so results stay deterministic
    // out[e] = dot(y[e], v) for the row's n ratings, two ratings at a time: v is loaded once for both, and eight
    // chains run at once; each rating's sum is the one dot() makes, to the bit
    private static void dots(double[] y, int n, double[] v, double[] out, int k) {
        int e = 0;
        for (; e + 1 < n; e += 2) {
            int o = e * k;
            int q = o + k;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            double t3 = 0;
            int f = 0;
            for (; f + 3 < k; f += 4) {
                double v0 = v[f];
                double v1 = v[f + 1];
                double v2 = v[f + 2];
                double v3 = v[f + 3];
                s0 += y[o + f] * v0;
                s1 += y[o + f + 1] * v1;
                s2 += y[o + f + 2] * v2;
                s3 += y[o + f + 3] * v3;
                t0 += y[q + f] * v0;
                t1 += y[q + f + 1] * v1;
                t2 += y[q + f + 2] * v2;
                t3 += y[q + f + 3] * v3;
            }
            for (; f < k; f++) {
                s0 += y[o + f] * v[f];
                t0 += y[q + f] * v[f];
            }
            out[e] = (s0 + s1) + (s2 + s3);
            out[e + 1] = (t0 + t1) + (t2 + t3);
        }
        if (e < n) {
            out[e] = dot(y, e * k, v, k);
        }
    }

    private static double dot(double[] y, int offset, double[] v, int k) {
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
