package com.beershop.reco.model;

import java.util.stream.IntStream;

/**
 * Runs work over {@code [0, size)} in fixed-size blocks on the current fork/join pool (the common pool, or the
 * pool whose task calls it). Block boundaries depend only on {@code size} and {@code blockSize}, never on the
 * number of threads, so an algorithm whose blocks write disjoint outputs, or whose per-block partial results
 * are combined in block order, gives bit-identical results on 1 or 64 cores. In the job the calling task runs on
 * the run's {@link Workers}, so the configured thread count applies here too.
 */
public final class IndexRanges {

    /** Work on one block {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int block, int from, int to);
    }

    private IndexRanges() {
    }

    public static int blocks(int size, int blockSize) {
        return (size + blockSize - 1) / blockSize;
    }

    /** Runs {@code task} once per block, in parallel; each call gets its block number and bounds. */
    public static void forEachBlock(int size, int blockSize, RangeTask task) {
        int blocks = blocks(size, blockSize);
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int from = block * blockSize;
            task.run(block, from, Math.min(size, from + blockSize));
        });
    }
}
