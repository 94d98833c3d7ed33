package com.beershop.reco.ingest;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

import java.nio.charset.StandardCharsets;

/**
 * A fingerprint of the accepted ratings that does not depend on the order the database returns them in:
 * the sum (mod 2^64) of a strong 64-bit hash of every row, plus the row count. Same rows, same fingerprint.
 */
public final class DataFingerprint {

    private static final HashFunction HASH = Hashing.murmur3_128(20261126);

    private long rows;
    private long sum;

    public void add(String userId, String productId, float rating) {
        long h = HASH.newHasher()
                .putString(userId, StandardCharsets.UTF_8).putChar('\u0000')
                .putString(productId, StandardCharsets.UTF_8).putChar('\u0000')
                .putFloat(rating)
                .hash().asLong();
        sum += h;
        rows++;
    }

    /** Adds the rows {@code other} saw: the fingerprint of both sets of rows together (the sum is commutative). */
    public void add(DataFingerprint other) {
        sum += other.sum;
        rows += other.rows;
    }

    /** e.g. {@code 60000:3f2a...}: the row count, then the order-independent hash in hex. */
    public String value() {
        return rows + ":" + String.format("%016x", sum);
    }
}
