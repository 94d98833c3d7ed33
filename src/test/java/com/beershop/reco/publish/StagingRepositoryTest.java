package com.beershop.reco.publish;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StagingRepositoryTest {

    @Test
    void shouldEscapeCopyTextSpecialCharacters() {
        StringBuilder out = new StringBuilder();

        StagingRepository.escape("a\\b\tc\nd\re", out);

        assertThat(out.toString()).isEqualTo("a\\\\b\\tc\\nd\\re");
    }
}
