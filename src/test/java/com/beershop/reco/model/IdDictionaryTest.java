package com.beershop.reco.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdDictionaryTest {

    @Test
    void shouldNumberIdsInFirstSeenOrderAndFindThemAgain() {
        IdDictionary ids = new IdDictionary();

        assertThat(ids.intern("U2")).isZero();
        assertThat(ids.intern("U1")).isEqualTo(1);
        assertThat(ids.intern("U2")).isZero();
        assertThat(ids.size()).isEqualTo(2);
        assertThat(ids.idAt(1)).isEqualTo("U1");
    }

    @Test
    void shouldFindAnAsciiIdByItsBytesAsByItsString() {
        IdDictionary ids = new IdDictionary();
        byte[] buffer = "xxU1yyP-77".getBytes(StandardCharsets.US_ASCII);

        int fromString = ids.intern("U1");
        assertThat(ids.internAscii(buffer, 2, 4)).isEqualTo(fromString);
        int fromBytes = ids.internAscii(buffer, 6, 10);
        assertThat(ids.intern("P-77")).isEqualTo(fromBytes);
        assertThat(ids.idAt(fromBytes)).isEqualTo("P-77");
        assertThat(ids.internAscii(buffer, 0, 0)).isEqualTo(ids.intern(""));
        assertThat(ids.size()).isEqualTo(3);
    }

    @Test
    void shouldKeepIdsApartThatOnlyLookAlikeInBytes() {
        IdDictionary ids = new IdDictionary();
        // UTF-8 writes every unpaired surrogate as '?': as bytes these four would be one id
        String[] distinct = {"a\uD800", "a\uDC00", "a?", "a\uD800\uDC00", "é", "e\u0301", "\u00FF", "\u0100", "ÿ\u00FF"};
        for (int i = 0; i < distinct.length; i++) {
            assertThat(ids.intern(distinct[i])).as(distinct[i]).isEqualTo(i);
        }
        for (int i = 0; i < distinct.length; i++) {
            assertThat(ids.intern(distinct[i])).as(distinct[i]).isEqualTo(i);
            assertThat(ids.idAt(i)).isEqualTo(distinct[i]);
        }
    }

    @Test
    void shouldAgreeWithAHashMapOnManyIdsAcrossGrowth() {
        Random random = new Random(7);
        IdDictionary ids = new IdDictionary();
        Map<String, Integer> expected = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int k = 0; k < 200_000; k++) {
            String id = random.nextInt(10) == 0 ? "ü" + random.nextInt(5_000) : "U" + random.nextInt(60_000);
            Integer number = expected.computeIfAbsent(id, key -> {
                order.add(key);
                return order.size() - 1;
            });
            int found = random.nextBoolean() || id.charAt(0) != 'U'
                    ? ids.intern(id)
                    : ids.internAscii(("#" + id + "#").getBytes(StandardCharsets.US_ASCII), 1, id.length() + 1);
            assertThat(found).as(id).isEqualTo(number);
        }
        assertThat(ids.size()).isEqualTo(order.size());
        for (int i = 0; i < order.size(); i += 97) {
            assertThat(ids.idAt(i)).isEqualTo(order.get(i));
        }
    }

    /** Ids a bulk read interned from bytes only, longer than any the dictionary had spelled before: UUIDs, say. */
    @Test
    void shouldRenumberLongIdsInternedFromBytesOnly() {
        IdDictionary ids = new IdDictionary();
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            uuids.add(new java.util.UUID(i * 7919L, i).toString() + "-" + "x".repeat(i));
        }
        for (String id : uuids) {
            ids.internAscii(id.getBytes(StandardCharsets.US_ASCII), 0, id.length());
        }

        int[] renumbered = ids.sortIds();

        List<String> sorted = new ArrayList<>(uuids);
        sorted.sort(null);
        for (int old = 0; old < uuids.size(); old++) {
            assertThat(renumbered[old]).as(uuids.get(old)).isEqualTo(sorted.indexOf(uuids.get(old)));
            assertThat(ids.intern(uuids.get(old))).isEqualTo(renumbered[old]);
        }
        assertThat(ids.size()).isEqualTo(50);
    }

    @Test
    void shouldRenumberInSortedOrderAndStillFindEveryId() {
        IdDictionary ids = new IdDictionary();
        for (String id : List.of("U3", "U10", "ä1", "U1")) {
            ids.intern(id);
        }

        int[] renumbered = ids.sortIds();

        assertThat(renumbered).containsExactly(2, 1, 3, 0);
        assertThat(List.of(ids.idAt(0), ids.idAt(1), ids.idAt(2), ids.idAt(3))).containsExactly("U1", "U10", "U3",
                "ä1");
        assertThat(ids.intern("U3")).isEqualTo(2);
        assertThat(ids.internAscii("U10".getBytes(StandardCharsets.US_ASCII), 0, 3)).isEqualTo(1);
        assertThat(ids.intern("ä1")).isEqualTo(3);
        assertThat(ids.intern("U4")).isEqualTo(4);
    }

    @Test
    void shouldFindAnIdWithoutAddingItAndAnswerMinusOneForAnUnknownOne() {
        IdDictionary ids = new IdDictionary();
        String long_ = "U".repeat(200);
        ids.intern("U1");
        byte[] bytes = long_.getBytes(StandardCharsets.US_ASCII);
        ids.internAscii(bytes, 0, bytes.length);

        assertThat(ids.indexOf("U1")).isZero();
        assertThat(ids.indexOf(long_)).as("interned from bytes, longer than the key buffer so far").isEqualTo(1);
        assertThat(ids.indexOf("u1")).isEqualTo(-1);
        assertThat(ids.indexOf("Ö".repeat(300))).isEqualTo(-1);
        assertThat(ids.size()).isEqualTo(2);
    }
}
