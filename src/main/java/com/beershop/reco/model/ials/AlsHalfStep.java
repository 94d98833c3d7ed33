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

    // up to this many factors the dots read a factor-major copy of the row, four ratings to a vector: 7-12 % off a
    // training at 8 factors; at 16 and more the copy costs what it saves, or more (docs/performance.md, "The iALS
    // kernels with more sums in flight")
    private static final int MAX_FACTORS_FOR_COLUMN_DOTS = 8;

    private final int k;
    private final int cgSteps;
    private final RowKernels kernels;
    private final boolean columnDots;

    AlsHalfStep(int factors, int cgSteps) {
        this(factors, cgSteps, RowKernels.fastest());
    }

    AlsHalfStep(int factors, int cgSteps, RowKernels kernels) {
        this.k = factors;
        this.cgSteps = cgSteps;
        this.kernels = kernels;
        this.columnDots = factors <= MAX_FACTORS_FOR_COLUMN_DOTS;
    }

    /** One side's rows: who each row interacted with, the alpha * r' weights, and each row's lambda. */
    record Side(int rows, int[] start, int[] other, float[] weights, double[] reg) {
    }

    /** Updates every row of {@code target} against fixed {@code fixed} factors (which have {@code fixedRows} rows). */
    void solve(Side side, float[] target, float[] fixed, int fixedRows) {
        double[] gram = gramian(fixed, fixedRows, k, kernels);
        IndexRanges.forEachBlock(side.rows(), BLOCK, (block, from, to) -> {
            Scratch scratch = new Scratch(k, columnDots);
            for (int row = from; row < to; row++) {
                solveRow(side, row, target, fixed, gram, scratch);
            }
        });
    }

    /**
     * One worker's buffers: the CG vectors, the row's gathered factors (rating-major for the accumulation, and
     * factor-major for the dots, which then run four ratings to a vector), and per-rating scales, grown as needed.
     */
    private static final class Scratch {
        final double[] x;
        final double[] r;
        final double[] p;
        final double[] ap;
        double[] gathered;
        double[] columns;
        double[] scale;

        Scratch(int k, boolean columnDots) {
            x = new double[k];
            r = new double[k];
            p = new double[k];
            ap = new double[k];
            gathered = new double[64 * k];
            columns = columnDots ? new double[64 * k] : null;
            scale = new double[64];
        }

        /** Room for a row of {@code n} ratings. */
        void fit(int n, int k) {
            if (scale.length < n) {
                int rows = Math.max(n, scale.length * 2);
                scale = new double[rows];
                gathered = new double[rows * k];
                columns = columns == null ? null : new double[rows * k];
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
        double[] columns = scratch.columns;
        double[] scale = scratch.scale;
        double[] x = scratch.x;
        double[] r = scratch.r;
        double[] p = scratch.p;
        double[] ap = scratch.ap;
        if (columnDots) {
            for (int e = from, yo = 0, c = 0; e < to; e++, yo += k, c++) {
                int src = other[e] * k;
                for (int f = 0, co = c; f < k; f++, co += n) {
                    double value = fixed[src + f];
                    y[yo + f] = value;
                    columns[co] = value;
                }
            }
        } else {
            for (int e = from, yo = 0; e < to; e++, yo += k) {
                int src = other[e] * k;
                for (int f = 0; f < k; f++) {
                    y[yo + f] = fixed[src + f];
                }
            }
        }
        double lambda = side.reg()[row];
        for (int f = 0; f < k; f++) {
            x[f] = target[offset + f];
        }
        // r = b - A x
        kernels.multiplyGram(gram, x, r, k);
        for (int f = 0; f < k; f++) {
            r[f] = -r[f] - lambda * x[f];
        }
        dots(y, columns, n, x, scale);
        for (int e = 0; e < n; e++) {
            double w = weights[from + e];
            scale[e] = (1 + w) - w * scale[e];
        }
        kernels.accumulate(y, scale, n, r, k);
        double rsOld = 0;
        for (int f = 0; f < k; f++) {
            p[f] = r[f];
            rsOld += r[f] * r[f];
        }
        for (int step = 0; step < cgSteps && rsOld > 1e-20; step++) {
            kernels.multiplyGram(gram, p, ap, k);
            for (int f = 0; f < k; f++) {
                ap[f] += lambda * p[f];
            }
            dots(y, columns, n, p, scale);
            for (int e = 0; e < n; e++) {
                scale[e] = weights[from + e] * scale[e];
            }
            kernels.accumulate(y, scale, n, ap, k);
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

    private void dots(double[] y, double[] columns, int n, double[] v, double[] out) {
        if (columnDots) {
            kernels.dotsFromColumns(columns, n, v, out, k);
        } else {
            kernels.dots(y, n, v, out, k);
        }
    }

    /** YᵀY (k × k, row-major), summed per fixed block and then over blocks in order, so thread count cannot change it. */
    static double[] gramian(float[] factors, int rows, int k, RowKernels kernels) {
        int blocks = IndexRanges.blocks(rows, BLOCK * 4);
        double[][] partial = new double[blocks][];
        IndexRanges.forEachBlock(rows, BLOCK * 4, (block, from, to) -> {
            double[] g = new double[k * k];
            // upper triangle only; mirrored below
            kernels.addOuterProducts(factors, from, to, k, g);
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
