package com.beershop.reco.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UserRangesTest {

    @Test
    void shouldCoverNullIdsAndEveryIdOnceWithRangesBetweenTileStarts() {
        List<UserRanges.Range> ranges = UserRanges.ranges("user_id", "?", List.of("A", "K", "T"));

        assertThat(ranges).containsExactly(
                new UserRanges.Range(" WHERE (user_id IS NULL OR user_id < ?)", List.of("K")),
                new UserRanges.Range(" WHERE user_id >= ? AND user_id < ?", List.of("K", "T")),
                new UserRanges.Range(" WHERE user_id >= ?", List.of("T")));
    }

    @Test
    void shouldReadTheWholeTableInOneRangeWhenThereIsOneTile() {
        assertThat(UserRanges.ranges("user_id", "?", List.of("A"))).containsExactly(new UserRanges.Range("", List.of()));
        assertThat(UserRanges.ranges("user_id", "?", List.of())).containsExactly(new UserRanges.Range("", List.of()));
    }

    @Test
    void shouldWriteEveryBoundAsTheGivenIdParameterSoTheDatabaseComparesInTheColumnsOwnType() {
        assertThat(UserRanges.ranges("user_id", "CAST(? AS VARCHAR(64))", List.of("A", "K", "T"))).containsExactly(
                new UserRanges.Range(" WHERE (user_id IS NULL OR user_id < CAST(? AS VARCHAR(64)))", List.of("K")),
                new UserRanges.Range(" WHERE user_id >= CAST(? AS VARCHAR(64)) AND user_id < CAST(? AS VARCHAR(64))",
                        List.of("K", "T")),
                new UserRanges.Range(" WHERE user_id >= CAST(? AS VARCHAR(64))", List.of("T")));
    }
}
