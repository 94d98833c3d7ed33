package com.beershop.reco.ingest;

import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;

/**
 * A fingerprint of the accepted ratings that does not depend on the order the database returns them in:
 * the sum (mod 2^64) of a strong 64-bit hash of every row, plus the row count. Same rows, same fingerprint.
 */
public final class DataFingerprint {

    // MurmurHash3 x64 128 as Guava's Hashing.murmur3_128 computes it (the first versions' fingerprints were Guava's):
    // the seed is positive, so it is the same whether widened signed (Guava) or unsigned (commons-codec). Guava's
    // hashBytes goes through a streaming hasher: 110-140 ns a row of 10-40 bytes against 36-57 ns here
    // (docs/performance.md, twelfth session)
    private static final int SEED = 20261126;

    private long rows;
    private long sum;
    // one row's bytes, reused: hashing them in one call costs about 60 % of feeding the hasher field by field (each
    // id as a new byte array, then a char, ...), which took a third of the readers' time at 10 M ratings
    private byte[] row = new byte[64];

    /**
     * Adds one row: the hash of the user id in UTF-8, two zero bytes, the product id in UTF-8, two zero bytes and
     * the rating's float bits, little-endian.
     */
    public void add(String userId, String productId, float rating) {
        int most = 3 * (userId.length() + productId.length()) + 8;
        if (row.length < most) {
            row = new byte[Math.max(most, 2 * row.length)];
        }
        int at = putUtf8(userId, 0);
        row[at++] = 0;
        row[at++] = 0;
        at = putUtf8(productId, at);
        row[at++] = 0;
        row[at++] = 0;
        finish(at, rating);
    }

    /** Appends the rating's float bits, little-endian, to the row's first {@code at} bytes and adds the row's hash. */
    private void finish(int at, float rating) {
        int bits = Float.floatToRawIntBits(rating);
        row[at++] = (byte) bits;
        row[at++] = (byte) (bits >>> 8);
        row[at++] = (byte) (bits >>> 16);
        row[at++] = (byte) (bits >>> 24);
        sum += MurmurHash3.hash128x64(row, 0, at, SEED)[0];
        rows++;
    }

    /** As {@link #add(String, String, float)} for ids given as ASCII bytes: the same row bytes, so the same hash. */
    public void addAscii(byte[] source, int userFrom, int userTo, int productFrom, int productTo, float rating) {
        int userLength = userTo - userFrom;
        int productLength = productTo - productFrom;
        int most = userLength + productLength + 8;
        if (row.length < most) {
            row = new byte[Math.max(most, 2 * row.length)];
        }
        System.arraycopy(source, userFrom, row, 0, userLength);
        int at = userLength;
        row[at++] = 0;
        row[at++] = 0;
        System.arraycopy(source, productFrom, row, at, productLength);
        at += productLength;
        row[at++] = 0;
        row[at++] = 0;
        finish(at, rating);
    }

    /** Writes {@code id} as UTF-8 at {@code at}; returns where it ends. Ids are ASCII as a rule, so that path is direct. */
    private int putUtf8(String id, int at) {
        int length = id.length();
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
                System.arraycopy(bytes, 0, row, at, bytes.length);
                return at + bytes.length;
            }
            row[at + i] = (byte) c;
        }
        return at + length;
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
