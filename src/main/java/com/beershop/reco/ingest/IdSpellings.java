package com.beershop.reco.ingest;

import com.beershop.reco.model.IdDictionary;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The ids of one kind (users or products) under an {@link IdPolicy}: each id is interned by its key, so spellings
 * the database treats as one id ({@code U1}, {@code u1}, {@code u1 }) become one user, and the spelling published
 * for it is one found in the data: the first in sorted order, so it does not depend on the order rows arrive in.
 */
final class IdSpellings {

    private final IdPolicy policy;
    private final Map<String, String> spellingByKey = new HashMap<>();

    IdSpellings(IdPolicy policy) {
        this.policy = policy;
    }

    /** The key to intern {@code id} under; remembers its spelling. */
    String key(String id) {
        if (policy == IdPolicy.EXACT) {
            return id; // the id is its own spelling: nothing to remember
        }
        String key = policy.key(id);
        spellingByKey.merge(key, id, (kept, other) -> kept.compareTo(other) <= 0 ? kept : other);
        return key;
    }

    /** Adds the spellings another reader saw; the kept spelling is still the first in sorted order. */
    void absorb(IdSpellings other) {
        other.spellingByKey.forEach((key, id) -> spellingByKey.merge(key, id,
                (kept, candidate) -> kept.compareTo(candidate) <= 0 ? kept : candidate));
    }

    /**
     * A dictionary with the same indexes whose ids are spellings: {@code preferred} first (the catalogue's own
     * spelling of a product, say), else the data's.
     */
    IdDictionary spelled(IdDictionary keys, Function<String, String> preferred) {
        if (policy == IdPolicy.EXACT) {
            return keys;
        }
        IdDictionary spelled = new IdDictionary();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.idAt(i);
            String spelling = preferred.apply(key);
            spelled.intern(spelling != null ? spelling : spellingByKey.getOrDefault(key, key));
        }
        return spelled;
    }
}
