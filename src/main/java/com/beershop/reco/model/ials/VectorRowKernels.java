package com.beershop.reco.model.ials;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The row kernels on 256-bit vectors (four doubles), through the JDK's incubating Vector API. Each lane does what
 * one scalar chain of {@link ScalarRowKernels} does, in the same order, with a multiply and then an add (never a
 * fused multiply-add): the same bits. The two output-wise kernels put one output in each lane and sum over the input
 * in order; {@link #dots} puts the scalar version's four chains (f mod 4) in the four lanes, and
 * {@link #dotsFromColumns} four ratings. Loaded by
 * {@link RowKernels#fastest()} only where the module is present.
 */
final class VectorRowKernels implements RowKernels {

    private static final VectorSpecies<Double> FOUR = DoubleVector.SPECIES_256;

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

    @Override
    public void multiplyGram(double[] gram, double[] v, double[] out, int k) {
        int a = 0;
        for (; a + 7 < k; a += 8) {
            DoubleVector s0 = DoubleVector.zero(FOUR);
            DoubleVector s1 = DoubleVector.zero(FOUR);
            // element (b, a): out = Gᵀv, which is Gv as the Gramian is symmetric
            for (int b = 0, g = a; b < k; b++, g += k) {
                DoubleVector vb = DoubleVector.broadcast(FOUR, v[b]);
                s0 = s0.add(vb.mul(DoubleVector.fromArray(FOUR, gram, g)));
                s1 = s1.add(vb.mul(DoubleVector.fromArray(FOUR, gram, g + 4)));
            }
            s0.intoArray(out, a);
            s1.intoArray(out, a + 4);
        }
        for (; a + 3 < k; a += 4) {
            DoubleVector s0 = DoubleVector.zero(FOUR);
            for (int b = 0, g = a; b < k; b++, g += k) {
                s0 = s0.add(DoubleVector.broadcast(FOUR, v[b]).mul(DoubleVector.fromArray(FOUR, gram, g)));
            }
            s0.intoArray(out, a);
        }
        ScalarRowKernels.multiplyGramFrom(a, gram, v, out, k);
    }

    @Override
    public void accumulate(double[] y, double[] scale, int n, double[] out, int k) {
        int f = 0;
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

    @Override
    public void dots(double[] y, int n, double[] v, double[] out, int k) {
        int e = 0;
        for (; e + 1 < n; e += 2) {
            int o = e * k;
            int q = o + k;
            DoubleVector s = DoubleVector.zero(FOUR);
            DoubleVector t = DoubleVector.zero(FOUR);
            int f = 0;
            for (; f + 3 < k; f += 4) {
                DoubleVector vf = DoubleVector.fromArray(FOUR, v, f);
                s = s.add(DoubleVector.fromArray(FOUR, y, o + f).mul(vf));
                t = t.add(DoubleVector.fromArray(FOUR, y, q + f).mul(vf));
            }
            double s0 = s.lane(0);
            double t0 = t.lane(0);
            for (; f < k; f++) {
                s0 += y[o + f] * v[f];
                t0 += y[q + f] * v[f];
            }
            out[e] = (s0 + s.lane(1)) + (s.lane(2) + s.lane(3));
            out[e + 1] = (t0 + t.lane(1)) + (t.lane(2) + t.lane(3));
        }
        if (e < n) {
            int o = e * k;
            DoubleVector s = DoubleVector.zero(FOUR);
            int f = 0;
            for (; f + 3 < k; f += 4) {
                s = s.add(DoubleVector.fromArray(FOUR, y, o + f).mul(DoubleVector.fromArray(FOUR, v, f)));
            }
            double s0 = s.lane(0);
            for (; f < k; f++) {
                s0 += y[o + f] * v[f];
            }
            out[e] = (s0 + s.lane(1)) + (s.lane(2) + s.lane(3));
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
}
