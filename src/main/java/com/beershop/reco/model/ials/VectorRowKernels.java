package com.beershop.reco.model.ials;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The row kernels on 256-bit vectors (four doubles), through the JDK's incubating Vector API. Each lane does what
 * one scalar chain of {@link ScalarRowKernels} does, in the same order, with a multiply and then an add (never a
 * fused multiply-add): the same bits. The accumulation (and the Gramian product, which is one) puts one output in
 * each lane and sums over the input in order; {@link #dots} puts the scalar version's four chains (f mod 4) in the
 * four lanes, and {@link #dotsFromColumns} four ratings. Loaded by {@link RowKernels#fastest()} only where the
 * module is present.
 */
final class VectorRowKernels implements RowKernels {

    private static final VectorSpecies<Double> FOUR = DoubleVector.SPECIES_256;
    // rows of the factor table converted to doubles at a time for YᵀY's tiles (64 x k doubles: a few KB)
    private static final int SLICE = 64;

    /** @throws IllegalStateException where the CPU has no 256-bit vectors: the API would emulate them, slowly */
    VectorRowKernels() {
        if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < FOUR.vectorBitSize()) {
            throw new IllegalStateException("this CPU's vectors hold "
                    + DoubleVector.SPECIES_PREFERRED.vectorBitSize() + " bits, not 256");
        }
    }

    @Override
    public String name() {
        return "vector (256-bit)";
    }

    // Gv is the accumulation over the Gramian's rows with v as the scales, from zero: one kernel for both
    @Override
    public void multiplyGram(double[] gram, double[] v, double[] out, int k) {
        Arrays.fill(out, 0, k, 0.0);
        accumulate(gram, v, k, out, k);
    }

    // sixteen factors a pass where k allows: each factor's sum is one chain of dependent adds, so four chains in
    // flight instead of two keep the vector units busy instead of waiting on the add before (same order per factor)
    @Override
    public void accumulate(double[] y, double[] scale, int n, double[] out, int k) {
        int f = 0;
        for (; f + 15 < k; f += 16) {
            DoubleVector s0 = DoubleVector.fromArray(FOUR, out, f);
            DoubleVector s1 = DoubleVector.fromArray(FOUR, out, f + 4);
            DoubleVector s2 = DoubleVector.fromArray(FOUR, out, f + 8);
            DoubleVector s3 = DoubleVector.fromArray(FOUR, out, f + 12);
            for (int e = 0, yo = f; e < n; e++, yo += k) {
                DoubleVector se = DoubleVector.broadcast(FOUR, scale[e]);
                s0 = s0.add(se.mul(DoubleVector.fromArray(FOUR, y, yo)));
                s1 = s1.add(se.mul(DoubleVector.fromArray(FOUR, y, yo + 4)));
                s2 = s2.add(se.mul(DoubleVector.fromArray(FOUR, y, yo + 8)));
                s3 = s3.add(se.mul(DoubleVector.fromArray(FOUR, y, yo + 12)));
            }
            s0.intoArray(out, f);
            s1.intoArray(out, f + 4);
            s2.intoArray(out, f + 8);
            s3.intoArray(out, f + 12);
        }
        for (; f + 7 < k; f += 8) {
            DoubleVector s0 = DoubleVector.fromArray(FOUR, out, f);
            DoubleVector s1 = DoubleVector.fromArray(FOUR, out, f + 4);
            for (int e = 0, yo = f; e < n; e++, yo += k) {
                DoubleVector se = DoubleVector.broadcast(FOUR, scale[e]);
                s0 = s0.add(se.mul(DoubleVector.fromArray(FOUR, y, yo)));
                s1 = s1.add(se.mul(DoubleVector.fromArray(FOUR, y, yo + 4)));
            }
            s0.intoArray(out, f);
            s1.intoArray(out, f + 4);
        }
        for (; f + 3 < k; f += 4) {
            DoubleVector s0 = DoubleVector.fromArray(FOUR, out, f);
            for (int e = 0, yo = f; e < n; e++, yo += k) {
                s0 = s0.add(DoubleVector.broadcast(FOUR, scale[e]).mul(DoubleVector.fromArray(FOUR, y, yo)));
            }
            s0.intoArray(out, f);
        }
        ScalarRowKernels.accumulateFrom(f, y, scale, n, out, k);
    }

    // four ratings a pass, then one at a time: more dots in flight while each waits on its own adds
    @Override
    public void dots(double[] y, int n, double[] v, double[] out, int k) {
        int e = 0;
        for (; e + 3 < n; e += 4) {
            int o = e * k;
            DoubleVector s = DoubleVector.zero(FOUR);
            DoubleVector t = DoubleVector.zero(FOUR);
            DoubleVector u = DoubleVector.zero(FOUR);
            DoubleVector w = DoubleVector.zero(FOUR);
            int f = 0;
            for (; f + 3 < k; f += 4) {
                DoubleVector vf = DoubleVector.fromArray(FOUR, v, f);
                s = s.add(DoubleVector.fromArray(FOUR, y, o + f).mul(vf));
                t = t.add(DoubleVector.fromArray(FOUR, y, o + k + f).mul(vf));
                u = u.add(DoubleVector.fromArray(FOUR, y, o + 2 * k + f).mul(vf));
                w = w.add(DoubleVector.fromArray(FOUR, y, o + 3 * k + f).mul(vf));
            }
            out[e] = finish(s, y, o, v, f, k);
            out[e + 1] = finish(t, y, o + k, v, f, k);
            out[e + 2] = finish(u, y, o + 2 * k, v, f, k);
            out[e + 3] = finish(w, y, o + 3 * k, v, f, k);
        }
        for (; e < n; e++) {
            int o = e * k;
            DoubleVector s = DoubleVector.zero(FOUR);
            int f = 0;
            for (; f + 3 < k; f += 4) {
                s = s.add(DoubleVector.fromArray(FOUR, y, o + f).mul(DoubleVector.fromArray(FOUR, v, f)));
            }
            out[e] = finish(s, y, o, v, f, k);
        }
    }

    // four ratings, one a lane, with their four chains in four vectors: no lane is ever extracted, and each lane adds
    // in the scalar order
    @Override
    public void dotsFromColumns(double[] columns, int n, double[] v, double[] out, int k) {
        int e = 0;
        int blocks = k & ~3;
        for (; e + 3 < n; e += 4) {
            DoubleVector s0 = DoubleVector.zero(FOUR);
            DoubleVector s1 = DoubleVector.zero(FOUR);
            DoubleVector s2 = DoubleVector.zero(FOUR);
            DoubleVector s3 = DoubleVector.zero(FOUR);
            int f = 0;
            for (int c = e; f < blocks; f += 4, c += 4 * n) {
                s0 = s0.add(DoubleVector.fromArray(FOUR, columns, c).mul(v[f]));
                s1 = s1.add(DoubleVector.fromArray(FOUR, columns, c + n).mul(v[f + 1]));
                s2 = s2.add(DoubleVector.fromArray(FOUR, columns, c + 2 * n).mul(v[f + 2]));
                s3 = s3.add(DoubleVector.fromArray(FOUR, columns, c + 3 * n).mul(v[f + 3]));
            }
            for (; f < k; f++) {
                s0 = s0.add(DoubleVector.fromArray(FOUR, columns, f * n + e).mul(v[f]));
            }
            s0.add(s1).add(s2.add(s3)).intoArray(out, e);
        }
        ScalarRowKernels.dotsFromColumnsFrom(e, columns, n, v, out, k);
    }

    /** One dot from its four chains: the factors past the last block of four go to chain 0, then (0 + 1) + (2 + 3). */
    private static double finish(DoubleVector chains, double[] y, int o, double[] v, int f, int k) {
        double s0 = chains.lane(0);
        for (; f < k; f++) {
            s0 += y[o + f] * v[f];
        }
        return (s0 + chains.lane(1)) + (chains.lane(2) + chains.lane(3));
    }

    // rows converted to doubles a slice at a time, then g in tiles of four a's by eight b's held in registers over
    // the slice's rows: each element still adds its rows' products in row order, as the scalar loop does
    @Override
    public void addOuterProducts(float[] factors, int from, int to, int k, double[] g) {
        if (k < 8) {
            ScalarRowKernels.INSTANCE.addOuterProducts(factors, from, to, k, g);
            return;
        }
        double[] slice = new double[SLICE * k];
        int wide = k & ~7;
        for (int first = from; first < to; first += SLICE) {
            int rows = Math.min(SLICE, to - first);
            for (int i = 0, o = first * k; i < rows * k; i++, o++) {
                slice[i] = factors[o];
            }
            int a = 0;
            for (; a + 3 < k; a += 4) {
                // tiles whose eight b's start at or after a's block: b >= a holds for all but the diagonal tile's
                // lower corner, whose elements are the lower triangle, left as they were below
                int b = a & ~7;
                for (; b < wide; b += 8) {
                    tile(slice, rows, k, a, b, g);
                }
                for (int aa = a; aa < a + 4; aa++) {
                    tail(slice, rows, k, aa, Math.max(aa, wide), g);
                }
            }
            for (; a < k; a++) {
                tail(slice, rows, k, a, a, g);
            }
        }
    }

    /** The 4 x 8 tile of g at (a, b) over the slice's rows; its elements with b < a are not stored. */
    private static void tile(double[] slice, int rows, int k, int a, int b, double[] g) {
        DoubleVector s00 = DoubleVector.fromArray(FOUR, g, a * k + b);
        DoubleVector s01 = DoubleVector.fromArray(FOUR, g, a * k + b + 4);
        DoubleVector s10 = DoubleVector.fromArray(FOUR, g, (a + 1) * k + b);
        DoubleVector s11 = DoubleVector.fromArray(FOUR, g, (a + 1) * k + b + 4);
        DoubleVector s20 = DoubleVector.fromArray(FOUR, g, (a + 2) * k + b);
        DoubleVector s21 = DoubleVector.fromArray(FOUR, g, (a + 2) * k + b + 4);
        DoubleVector s30 = DoubleVector.fromArray(FOUR, g, (a + 3) * k + b);
        DoubleVector s31 = DoubleVector.fromArray(FOUR, g, (a + 3) * k + b + 4);
        for (int r = 0, o = 0; r < rows; r++, o += k) {
            DoubleVector y0 = DoubleVector.fromArray(FOUR, slice, o + b);
            DoubleVector y1 = DoubleVector.fromArray(FOUR, slice, o + b + 4);
            DoubleVector v0 = DoubleVector.broadcast(FOUR, slice[o + a]);
            DoubleVector v1 = DoubleVector.broadcast(FOUR, slice[o + a + 1]);
            DoubleVector v2 = DoubleVector.broadcast(FOUR, slice[o + a + 2]);
            DoubleVector v3 = DoubleVector.broadcast(FOUR, slice[o + a + 3]);
            s00 = s00.add(v0.mul(y0));
            s01 = s01.add(v0.mul(y1));
            s10 = s10.add(v1.mul(y0));
            s11 = s11.add(v1.mul(y1));
            s20 = s20.add(v2.mul(y0));
            s21 = s21.add(v2.mul(y1));
            s30 = s30.add(v3.mul(y0));
            s31 = s31.add(v3.mul(y1));
        }
        store(s00, s01, g, a, b, k);
        store(s10, s11, g, a + 1, b, k);
        store(s20, s21, g, a + 2, b, k);
        store(s30, s31, g, a + 3, b, k);
    }

    /** Row a's eight sums at b; on the diagonal tile only those with b >= a, so the lower triangle keeps its own. */
    private static void store(DoubleVector low, DoubleVector high, double[] g, int a, int b, int k) {
        if (b >= a) {
            low.intoArray(g, a * k + b);
            high.intoArray(g, a * k + b + 4);
            return;
        }
        for (int j = a - b; j < 8; j++) {
            g[a * k + b + j] = j < 4 ? low.lane(j) : high.lane(j - 4);
        }
    }

    /** Row a's elements from {@code from} on, one at a time, over the slice's rows: what the tiles do not cover. */
    private static void tail(double[] slice, int rows, int k, int a, int from, double[] g) {
        for (int b = from; b < k; b++) {
            double sum = g[a * k + b];
            for (int r = 0, o = 0; r < rows; r++, o += k) {
                sum += slice[o + a] * slice[o + b];
            }
            g[a * k + b] = sum;
        }
    }
}
