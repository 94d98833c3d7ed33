package com.beershop.reco.model.ials;

import java.util.Arrays;

/** The half-step's inner loops in plain Java, register-blocked: what every JVM runs. */
final class ScalarRowKernels implements RowKernels {

    static final ScalarRowKernels INSTANCE = new ScalarRowKernels();

    private ScalarRowKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    // Gv is the accumulation over the Gramian's rows with v as the scales, from zero (element (b, a): Gᵀv, which is
    // Gv as the Gramian is symmetric)
    @Override
    public void multiplyGram(double[] gram, double[] v, double[] out, int k) {
        Arrays.fill(out, 0, k, 0.0);
        accumulate(gram, v, k, out, k);
    }

    // out[f] += sum over the row's ratings e, in order, of scale[e] * y[e][f]: eight factors at a time in registers,
    // the same additions in the same order as one axpy per rating
    @Override
    public void accumulate(double[] y, double[] scale, int n, double[] out, int k) {
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
        accumulateFrom(f, y, scale, n, out, k);
    }

    /** {@link #accumulate}'s factors from {@code f} on, one at a time: the tail both kernels end with. */
    static void accumulateFrom(int f, double[] y, double[] scale, int n, double[] out, int k) {
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
    @Override
    public void dots(double[] y, int n, double[] v, double[] out, int k) {
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

    @Override
    public void dotsFromColumns(double[] columns, int n, double[] v, double[] out, int k) {
        dotsFromColumnsFrom(0, columns, n, v, out, k);
    }

    /** {@link #dotsFromColumns} from rating {@code e} on, one at a time: the tail both kernels end with. */
    static void dotsFromColumnsFrom(int e, double[] columns, int n, double[] v, double[] out, int k) {
        for (; e < n; e++) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int f = 0;
            for (int c = e; f + 3 < k; f += 4, c += 4 * n) {
                s0 += columns[c] * v[f];
                s1 += columns[c + n] * v[f + 1];
                s2 += columns[c + 2 * n] * v[f + 2];
                s3 += columns[c + 3 * n] * v[f + 3];
            }
            for (; f < k; f++) {
                s0 += columns[f * n + e] * v[f];
            }
            out[e] = (s0 + s1) + (s2 + s3);
        }
    }

    @Override
    public void addOuterProducts(float[] factors, int from, int to, int k, double[] g) {
        for (int row = from; row < to; row++) {
            int o = row * k;
            for (int a = 0; a < k; a++) {
                double va = factors[o + a];
                int go = a * k;
                for (int b = a; b < k; b++) {
                    g[go + b] += va * factors[o + b];
                }
            }
        }
    }
}
