package com.beershop.reco.model;

import java.util.Arrays;

/**
 * Numbers byte strings 0, 1, 2, ... in the order they are added, and finds a byte string's number again.
 * Open addressing over int arrays, the keys' bytes side by side in one array: a lookup touches a slot, its stored
 * hash and the key's bytes, where a {@code HashMap<String, Integer>} follows a node, a String, its byte array and
 * an Integer, each a likely cache miss. Interning product ids that way was a third of the ratings readers' time at
 * 10 M ratings. No library keeps keys as byte ranges of a caller's buffer, which is what spares a bulk read a
 * String per id.
 */
public final class ByteKeyIndex {

    private static final int EMPTY = -1;

    private byte[] bytes = new byte[256];
    /** Key i is {@code bytes[starts[i], starts[i + 1])}. */
    private int[] starts = new int[17];
    private int size;
    /** Key number per slot, EMPTY where none; a power of two long, at most half full. */
    private int[] slots = emptySlots(16);
    private int[] slotHashes = new int[16];

    public int size() {
        return size;
    }

    /** The number of {@code key[from, to)}, or -1 when it was never added. */
    public int find(byte[] key, int from, int to) {
        return find(key, from, to, hash(key, from, to));
    }

    /** Adds {@code key[from, to)}, which must not be present yet, and returns its number. */
    public int add(byte[] key, int from, int to) {
        int hash = hash(key, from, to);
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int length = to - from;
        if (starts[size] + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, starts[size] + length));
        }
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        System.arraycopy(key, from, bytes, starts[size], length);
        starts[size + 1] = starts[size] + length;
        place(size, hash);
        return size++;
    }

    private int find(byte[] key, int from, int to, int hash) {
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int number = slots[slot];
            if (number == EMPTY) {
                return -1;
            }
            if (slotHashes[slot] == hash && Arrays.equals(bytes, starts[number], starts[number + 1], key, from, to)) {
                return number;
            }
        }
    }

    private void place(int number, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = number;
        slotHashes[slot] = hash;
    }

    private void grow() {
        int[] oldSlots = slots;
        int[] oldHashes = slotHashes;
        slots = emptySlots(oldSlots.length * 2);
        slotHashes = new int[oldSlots.length * 2];
        for (int slot = 0; slot < oldSlots.length; slot++) {
            if (oldSlots[slot] != EMPTY) {
                place(oldSlots[slot], oldHashes[slot]);
            }
        }
    }

    private static int[] emptySlots(int length) {
        int[] slots = new int[length];
        Arrays.fill(slots, EMPTY);
        return slots;
    }

    /** A 31-multiplier hash, then murmur3's finalizer: ids like U000001..U200000 differ in their last bytes. */
    static int hash(byte[] key, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + key[i];
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
