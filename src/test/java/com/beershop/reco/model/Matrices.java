package com.beershop.reco.model;

/** Tiny hand-made rating matrices for algorithm tests. */
public final class Matrices {

    private Matrices() {
    }

    /** One row per user listing the items they rated, every rating 1. */
    public static InteractionMatrix binary(int numItems, int[]... rows) {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int u = 0; u < rows.length; u++) {
            for (int item : rows[u]) {
                builder.add(u, item, 1f, Long.MIN_VALUE);
            }
        }
        return builder.build(rows.length, numItems);
    }
}
