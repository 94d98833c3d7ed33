package com.beershop.reco.model.ials;

import com.beershop.reco.model.IndexRanges;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The eigenbasis of a half-step's Gramian YᵀY = V Λ Vᵀ. Conjugate gradient is invariant under an orthogonal change
 * of coordinates, so a row can be solved in this basis instead: the Gramian is then the diagonal Λ, and each of its
 * products costs k multiply-adds instead of k². A row pays two k² rotations (its start in, its result out) instead
 * of one Gramian product per CG step plus one for the residual; the other side's factors are rotated once per
 * half-step.
 */
final class EigenBasis {

    // fixed rows per parallel block when rotating the other side's factors
    private static final int BLOCK = 2048;

    private final int k;
    private final double[] vectors;
    private final double[] transposed;
    private final double[] values;

    private EigenBasis(int k, double[] vectors, double[] values) {
        this.k = k;
        this.vectors = vectors;
        this.values = values;
        this.transposed = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int f = 0; f < k; f++) {
                transposed[f * k + a] = vectors[a * k + f];
            }
        }
    }

    /** The eigenbasis of a symmetric k × k matrix stored row-major. */
    static EigenBasis of(double[] symmetric, int k) {
        double[][] rows = new double[k][k];
        for (int a = 0; a < k; a++) {
            System.arraycopy(symmetric, a * k, rows[a], 0, k);
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
        RealMatrix v = eigen.getV();
        double[] vectors = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                vectors[a * k + b] = v.getEntry(a, b);
            }
        }
        return new EigenBasis(k, vectors, eigen.getRealEigenvalues());
    }

    /** Λ, the Gramian in this basis (its diagonal). */
    double[] values() {
        return values;
    }

    /** Every row of {@code factors} in this basis, as doubles: row j becomes Vᵀ y_j. */
    double[] rotateAll(float[] factors, int rows) {
        double[] rotated = new double[rows * k];
        IndexRanges.forEachBlock(rows, BLOCK, (block, from, to) -> {
            double[] row = new double[k];
            for (int j = from; j < to; j++) {
                for (int a = 0; a < k; a++) {
                    row[a] = factors[j * k + a];
                }
                toBasis(row, rotated, j * k);
            }
        });
        return rotated;
    }

    /** out[offset ..] = Vᵀ v. */
    void toBasis(double[] v, double[] out, int offset) {
        for (int f = 0; f < k; f++) {
            out[offset + f] = 0;
        }
        for (int a = 0; a < k; a++) {
            double va = v[a];
            int row = a * k;
            for (int f = 0; f < k; f++) {
                out[offset + f] += va * vectors[row + f];
            }
        }
    }

    /** out = V v, the coordinates back in the original basis. */
    void fromBasis(double[] v, double[] out) {
        for (int a = 0; a < k; a++) {
            out[a] = 0;
        }
        // one column of V at a time, read as a row of Vᵀ: a multiply-add over contiguous memory
        for (int f = 0; f < k; f++) {
            double vf = v[f];
            int row = f * k;
            for (int a = 0; a < k; a++) {
                out[a] += vf * transposed[row + a];
            }
        }
    }
}
