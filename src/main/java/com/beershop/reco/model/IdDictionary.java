package com.beershop.reco.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Interns external string ids (user ids, product ids) to dense ints 0..size-1, in first-seen order.
 * Algorithms only ever see the ints; the dictionary turns them back into ids at publish time.
 *
 * <p>Ids are found by their bytes ({@link ByteKeyIndex}): an ASCII id is its own bytes, so a bulk read can intern
 * it straight from its buffer ({@link #internAscii}); any other id is its UTF-8, or, when it holds an unpaired
 * surrogate (which UTF-8 cannot encode), a 0xFF byte and its UTF-16 chars: 0xFF never occurs in UTF-8, so two
 * different ids never share bytes. Not thread-safe.
 */
public final class IdDictionary {

    private static final byte NOT_UTF8 = (byte) 0xFF;

    private ByteKeyIndex index = new ByteKeyIndex();
    private final List<String> ids = new ArrayList<>();
    private byte[] key = new byte[64];

    /** Returns the index of {@code id}, adding it if it is new. */
    public int intern(String id) {
        int length = keyOf(id);
        int known = index.find(key, 0, length);
        if (known >= 0) {
            return known;
        }
        ids.add(id);
        return index.add(key, 0, length);
    }

    /**
     * As {@link #intern(String)} for the id spelled by {@code ascii[from, to)}, every byte of which is below 0x80:
     * a String is made only for an id seen for the first time.
     */
    public int internAscii(byte[] ascii, int from, int to) {
        int known = index.find(ascii, from, to);
        if (known >= 0) {
            return known;
        }
        ids.add(new String(ascii, from, to - from, StandardCharsets.ISO_8859_1));
        return index.add(ascii, from, to);
    }

    /** The index of {@code id}, or -1 when it was never interned; adds nothing. */
    public int indexOf(String id) {
        // keyOf may grow the key buffer: read the field after it
        int length = keyOf(id);
        return index.find(key, 0, length);
    }

    public String idAt(int index) {
        return ids.get(index);
    }

    public int size() {
        return ids.size();
    }

    /**
     * Renumbers the ids in their natural (sorted) order, so indexes no longer depend on the order rows arrived in:
     * the same data read in another order gives the same matrix, split and model.
     *
     * @return for each old index, its new index
     */
    public int[] sortIds() {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        index = new ByteKeyIndex();
        // keyOf may grow the key buffer: read the field after it (ids interned as bytes never went through it)
        for (String id : sorted) {
            int length = keyOf(id);
            index.add(key, 0, length);
        }
        int[] renumbered = new int[ids.size()];
        for (int old = 0; old < ids.size(); old++) {
            int length = keyOf(ids.get(old));
            renumbered[old] = index.find(key, 0, length);
        }
        ids.clear();
        ids.addAll(sorted);
        return renumbered;
    }

    /** Writes the bytes {@code id} is found by into {@code key}; returns how many. */
    private int keyOf(String id) {
        int length = id.length();
        if (key.length < 3 * length + 1) {
            key = new byte[Math.max(3 * length + 1, 2 * key.length)];
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                byte[] encoded = wellFormed(id) ? id.getBytes(StandardCharsets.UTF_8) : marked(id);
                System.arraycopy(encoded, 0, key, 0, encoded.length);
                return encoded.length;
            }
            key[i] = (byte) c;
        }
        return length;
    }

    private static boolean wellFormed(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** 0xFF, then each char as two bytes: UTF-8 would turn every unpaired surrogate into the same '?'. */
    private static byte[] marked(String id) {
        byte[] marked = new byte[1 + 2 * id.length()];
        marked[0] = NOT_UTF8;
        for (int i = 0; i < id.length(); i++) {
            marked[1 + 2 * i] = (byte) (id.charAt(i) >>> 8);
            marked[2 + 2 * i] = (byte) id.charAt(i);
        }
        return marked;
    }
}
