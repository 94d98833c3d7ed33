package com.beershop.reco.scoring;

import com.beershop.reco.model.VectorSupport;

/**
 * The top-N selector's scan: most blocks of eight scores hold nothing that can enter a full list, so they are
 * passed over with one test each. A block is stopped at when one of its scores beats the worst kept score or is
 * NaN or -Infinity ({@code !(s > -Infinity)} holds for exactly those two). Both implementations stop at the same
 * blocks.
 */
interface ScoreScan {

    /**
     * @return the first index {@code i = from + 8j} whose block {@code [i, i + 8)} holds such a score, or the first
     *         such {@code i} where fewer than eight scores are left before {@code to}
     */
    int nextBlock(float[] scores, int from, int to, float worst);

    /** The vector scan where the JVM has the Vector API and the CPU 256-bit vectors, else the scalar one. */
    static ScoreScan fastest() {
        return Fastest.SCAN;
    }

    /** Holds the choice, made on first use. */
    final class Fastest {

        static final ScoreScan SCAN = VectorSupport.fastest("top-N scan", ScoreScan.class,
                ScoreScan.class.getPackageName() + ".VectorScoreScan", ScalarScoreScan.INSTANCE);

        private Fastest() {
        }
    }
}
