package com.beershop.reco.publish;

/** Splits the publish's time between its DELETEs and its INSERTs, each with the reads and checks beside it. */
final class PublishStopwatch {

    final long started = System.nanoTime();
    private long mark = started;
    long deleteNanos;
    long insertNanos;

    void deleted() {
        deleteNanos += lap();
    }

    void inserted() {
        insertNanos += lap();
    }

    private long lap() {
        long now = System.nanoTime();
        long lap = now - mark;
        mark = now;
        return lap;
    }
}
