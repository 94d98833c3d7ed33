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
        int[] renumbered = new int[ids.size()];
        indexById.clear();
        for (int index = 0; index < sorted.size(); index++) {
            indexById.put(sorted.get(index), index);
        }
        for (int old = 0; old < ids.size(); old++) {
            renumbered[old] = indexById.get(ids.get(old));
        }
        ids.clear();
        ids.addAll(sorted);
        return renumbered;
    }
}
