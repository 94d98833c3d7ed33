package com.beershop.reco.evaluation.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    @Test
    void shouldExpandEveryAlternativeIntoOneCandidateInOrderAndDropDuplicates() {
        SearchSpace space = SearchSpace.parse(List.of("most-popular", "ials:factors=16|64,alpha=1|3",
                "ease:lambda=100", "ials:factors=16,alpha=3"));

        assertThat(space.candidates()).extracting(AlgorithmSpec::toString).containsExactly(
                "most-popular{}",
                "ials{alpha=1, factors=16}", "ials{alpha=1, factors=64}",
                "ials{alpha=3, factors=16}", "ials{alpha=3, factors=64}",
                "ease{lambda=100}");
    }

    @Test
    void shouldRefuseAnEmptyAlternative() {
        assertThatThrownBy(() -> SearchSpace.parse(List.of("ease:lambda=100||300")))
                .isInstanceOf(InvalidAlgorithmSpecException.class).hasMessageContaining("lambda");
    }

    @Test
    void shouldSearchIalsAndEaseButNotTheGatesBaselineByDefault() {
        SearchSpace space = SearchSpace.parse(SearchSpace.DEFAULT_ENTRIES);
        assertThat(space.candidates()).extracting(AlgorithmSpec::name).contains("ials", "ease")
                .doesNotContain("most-popular");
        assertThat(space.candidates()).filteredOn(c -> c.name().equals("ease"))
                .extracting(c -> c.params().get("lambda")).containsExactly("100", "300", "1000", "50", "500");
        assertThat(space.size()).isEqualTo(16);
    }
}
