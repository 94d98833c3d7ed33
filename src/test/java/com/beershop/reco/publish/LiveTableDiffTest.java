package com.beershop.reco.publish;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveTableDiffTest {

    /** Lists by user id, in the order given. */
    static StagedLists lists(Map<String, List<String>> byUser) {
        List<String> users = new ArrayList<>(byUser.keySet());
        return new StagedLists() {
            @Override
            public int users() {
                return users.size();
            }

            @Override
            public int userNumber(String userId) {
                return users.indexOf(userId);
            }

            @Override
            public String userId(int user) {
                return users.get(user);
            }

            @Override
            public int count(int user) {
                return byUser.get(users.get(user)).size();
            }

            @Override
            public String productId(int user, int rank) {
                return byUser.get(users.get(user)).get(rank - 1);
            }
        };
    }

    @Test
    void shouldCountAsListedOnlyTheUsersWithAtLeastOneRow() {
        // given: U4 was scored but got an empty list (in the control arm, or nothing left to recommend)
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        byUser.put("U1", List.of("B1", "B9"));
        byUser.put("U4", List.of());
        byUser.put("U3", List.of("B8"));

        // when / then: the users the readout would find in the staged rows
        assertThat(lists(byUser).listedUsers()).isEqualTo(2);
    }

    private static StagedLists tonight() {
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        byUser.put("U1", List.of("B1", "B9"));
        byUser.put("U2", List.of("B3", "B1"));
        byUser.put("U3", List.of("B8"));
        return lists(byUser);
    }

    private static List<String> rows(List<Object[]> rows) {
        return rows.stream().map(row -> row[0] + ":" + row[1] + ":" + row[2]).toList();
    }

    @Test
    void shouldKeepTheLiveRowsTonightStagedAlikeAndListTheGoneAndTheNewOnes() {
        // given: U1's first row alike, U1's second changed, U2's ranks swapped, U4 gone, U3 new
        LiveTableDiff diff = new LiveTableDiff(tonight(), 100);

        // when
        diff.accept("U2", "B1", 1);
        diff.accept("U1", "B1", 1);
        diff.accept("U4", "B5", 1);
        diff.accept("U1", "B2", 2);
        diff.accept("U2", "B3", 2);
        LiveTableDiff.Diff found = diff.finish();

        // then
        assertThat(found.rowByRow).isTrue();
        assertThat(found.liveRows).isEqualTo(5);
        assertThat(found.keptRows).isEqualTo(1);
        assertThat(found.goneRows).isEqualTo(4);
        assertThat(found.newRows).isEqualTo(4);
        assertThat(rows(found.goneKeys())).containsExactly("U2:B1:1", "U4:B5:1", "U1:B2:2", "U2:B3:2");
        assertThat(rows(found.newKeys())).containsExactly("U1:B9:2", "U2:B3:1", "U2:B1:2", "U3:B8:1");
    }

    @Test
    void shouldFindNothingToWriteWhenTheLiveRowsAreTonightsInAnyOrder() {
        LiveTableDiff diff = new LiveTableDiff(tonight(), 0);
        for (String row : List.of("U3:B8:1", "U2:B1:2", "U1:B9:2", "U2:B3:1", "U1:B1:1")) {
            String[] parts = row.split(":");
            diff.accept(parts[0], parts[1], Integer.valueOf(parts[2]));
        }

        LiveTableDiff.Diff found = diff.finish();

        assertThat(found.keptRows).isEqualTo(5);
        assertThat(found.goneRows).isZero();
        assertThat(found.newRows).isZero();
        assertThat(found.goneKeys()).isEmpty();
    }

    @Test
    void shouldCompareIdsExactlySoARowSpelledOtherwiseIsRewritten() {
        LiveTableDiff diff = new LiveTableDiff(tonight(), 10);
        diff.accept("u1", "B1", 1);
        diff.accept("U1", "b9", 2);
        diff.accept("U3 ", "B8", 1);

        LiveTableDiff.Diff found = diff.finish();

        assertThat(found.keptRows).isZero();
        assertThat(rows(found.goneKeys())).containsExactly("u1:B1:1", "U1:b9:2", "U3 :B8:1");
        assertThat(found.newRows).isEqualTo(5);
    }

    @Test
    void shouldTreatARankOutsideTheListAsGone() {
        LiveTableDiff diff = new LiveTableDiff(tonight(), 10);
        diff.accept("U3", "B8", 2);
        diff.accept("U3", "B8", 0);

        assertThat(rows(diff.finish().goneKeys())).containsExactly("U3:B8:2", "U3:B8:0");
    }

    @Test
    void shouldRefuseRowByRowWhereALiveRowIsHeldTwice() {
        LiveTableDiff diff = new LiveTableDiff(tonight(), 10);
        diff.accept("U1", "B1", 1);
        diff.accept("U1", "B1", 1);

        LiveTableDiff.Diff found = diff.finish();

        assertThat(found.rowByRow).isFalse();
        assertThat(found.why).isEqualTo("holds a row twice");
    }

    @Test
    void shouldRefuseRowByRowWhereALiveRowHasANullKey() {
        for (Object[] row : List.of(new Object[]{null, "B1", 1}, new Object[]{"U1", null, 1},
                new Object[]{"U1", "B1", null})) {
            LiveTableDiff diff = new LiveTableDiff(tonight(), 10);
            diff.accept((String) row[0], (String) row[1], (Integer) row[2]);

            LiveTableDiff.Diff found = diff.finish();

            assertThat(found.rowByRow).as(Arrays.toString(row)).isFalse();
            assertThat(found.why).isEqualTo("holds a NULL user, product or rank");
        }
    }

    @Test
    void shouldCountGoneRowsBeyondWhatItHoldsAndRefuseToHandThemOut() {
        LiveTableDiff diff = new LiveTableDiff(tonight(), 2);
        for (int i = 0; i < 5; i++) {
            diff.accept("U9", "B" + i, 1);
        }

        LiveTableDiff.Diff found = diff.finish();

        assertThat(found.goneRows).isEqualTo(5);
        assertThatThrownBy(found::goneKeys).isInstanceOf(IllegalStateException.class)
                .hasMessage("5 rows are gone, more than the 2 held");
    }
}
