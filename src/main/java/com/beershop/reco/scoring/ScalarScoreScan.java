package com.beershop.reco.scoring;

/** The scan in plain Java: eight loads and one branch per block (alone, at 20,000 items: 14 us a user against 31). */
final class ScalarScoreScan implements ScoreScan {

    static final ScalarScoreScan INSTANCE = new ScalarScoreScan();
    private static final float MINUS_INFINITY = Float.NEGATIVE_INFINITY;

    private ScalarScoreScan() {
    }

    @Override
    public int nextBlock(float[] scores, int from, int to, float worst) {
        int item = from;
        for (; item + 7 < to; item += 8) {
            float s0 = scores[item];
            float s1 = scores[item + 1];
            float s2 = scores[item + 2];
            float s3 = scores[item + 3];
            float s4 = scores[item + 4];
            float s5 = scores[item + 5];
            float s6 = scores[item + 6];
            float s7 = scores[item + 7];
            boolean visit = s0 > worst | !(s0 > MINUS_INFINITY) | s1 > worst | !(s1 > MINUS_INFINITY)
                    | s2 > worst | !(s2 > MINUS_INFINITY) | s3 > worst | !(s3 > MINUS_INFINITY)
                    | s4 > worst | !(s4 > MINUS_INFINITY) | s5 > worst | !(s5 > MINUS_INFINITY)
                    | s6 > worst | !(s6 > MINUS_INFINITY) | s7 > worst | !(s7 > MINUS_INFINITY);
            if (visit) {
                return item;
            }
        }
        return item;
    }
}
