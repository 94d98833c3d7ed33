package com.beershop.reco.model.ials;

import com.beershop.reco.model.VectorSupport;

/**
 * The three loops a conjugate-gradient row solve spends its time in. Every implementation gives the same bits as
 * the plain loops, one multiply and one add at a time in a fixed order, so the kernel a JVM picks never changes a
 * model.
 */
interface RowKernels {

    /** {@code out = G v} for the symmetric k x k Gramian {@code gram}, row-major. */
    void multiplyGram(double[] gram, double[] v, double[] out, int k);

    /** {@code out[f] += sum over e < n, in order, of scale[e] * y[e * k + f]}. */
    void accumulate(double[] y, double[] scale, int n, double[] out, int k);

    /** {@code out[e] = dot(y[e], v)} for e < n, each summed in four chains (f mod 4), then (0 + 1) + (2 + 3). */
    void dots(double[] y, int n, double[] v, double[] out, int k);

    /**
     * {@link #dots}, to the bit, from the factor-major copy {@code columns} of the row's factors ({@code y[e][f]} at
     * {@code columns[f * n + e]}): each dot summed in four chains, factor f into chain f mod 4 for the factors of
     * whole blocks of four and into chain 0 for the rest, in order of f, then (0 + 1) + (2 + 3).
     */
    void dotsFromColumns(double[] columns, int n, double[] v, double[] out, int k);

    /**
     * {@code g[a * k + b] += factors[r][a] * factors[r][b]} for every row r from {@code from} to {@code to}, in row
     * order, for the upper triangle b >= a (the lower one is left as it was): one block's share of YᵀY.
     */
    void addOuterProducts(float[] factors, int from, int to, int k, double[] g);

    /** What the trainer's log line calls these kernels. */
    String name();

    /**
     * The vector kernels where the JVM was started with {@code --add-modules jdk.incubator.vector} (the image, the
     * tests and the benchmark are) and the CPU has 256-bit vectors; the scalar ones everywhere else, such as a plain
     * {@code java -jar}. Chosen once per JVM.
     */
    static RowKernels fastest() {
        return Fastest.KERNELS;
    }

    /** Holds the choice, made on first use. */
    final class Fastest {

        static final RowKernels KERNELS = VectorSupport.fastest("iALS kernels", RowKernels.class,
                RowKernels.class.getPackageName() + ".VectorRowKernels", ScalarRowKernels.INSTANCE);

        private Fastest() {
        }
    }
}
