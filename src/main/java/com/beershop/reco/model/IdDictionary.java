package com.beershop.reco.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns external string ids (user ids, product ids) to dense ints 0..size-1, in first-seen order.
 * Algorithms only ever see the ints; the dictionary turns them back into ids at publish time.
 */
public final class IdDictionary {

    private final Map<String, Integer> indexById = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    /** Returns the index of {@code id}, adding it if it is new. */
    public int intern(String id) {
        Integer known = indexById.get(id);
        if (known != null) {
            return known;
        }
        int index = ids.size();
        indexById.put(id, index);
        ids.add(id);
        return index;
    }

    /** Returns the index of {@code id}, or -1 when it was never interned. */
    public int indexOf(String id) {
        Integer known = indexById.get(id);
        return known == null ? -1 : known;
    }

    public String idAt(int index) {
        return ids.get(index);
    }

    public int size() {
        return ids.size();
    }
}
