package com.beershop.reco.scoring;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The scan on 256-bit vectors: one load and two comparisons per block of eight scores. Loaded by
 * {@link ScoreScan#fastest()} only where the JDK's Vector API module is present.
 */
final class VectorScoreScan implements ScoreScan {

    private static final VectorSpecies<Float> EIGHT = FloatVector.SPECIES_256;

    /** @throws IllegalStateException where the CPU has no 256-bit vectors: the API would emulate them, slowly */
    VectorScoreScan() {
        if (FloatVector.SPECIES_PREFERRED.vectorBitSize() < EIGHT.vectorBitSize()) {
            throw new IllegalStateException("this CPU's vectors hold "
                    + FloatVector.SPECIES_PREFERRED.vectorBitSize() + " bits, not 256");
        }
    }

    @Override
    public int nextBlock(float[] scores, int from, int to, float worst) {
        FloatVector minusInfinity = FloatVector.broadcast(EIGHT, Float.NEGATIVE_INFINITY);
        int item = from;
        for (; item + 7 < to; item += 8) {
            FloatVector block = FloatVector.fromArray(EIGHT, scores, item);
            // above the worst kept, or not above -Infinity (NaN, -Infinity); a NaN worst is above nothing
            VectorMask<Float> visit = block.compare(VectorOperators.GT, worst)
                    .or(block.compare(VectorOperators.GT, minusInfinity).not());
            if (visit.anyTrue()) {
                return item;
            }
        }
        return item;
    }
}
