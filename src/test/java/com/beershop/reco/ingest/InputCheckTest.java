package com.beershop.reco.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.RunRefusedException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input is refused before anything is trained when too much was rejected or too little is usable. */
class InputCheckTest {

    // ipa active, bock inactive, lager not in the catalogue at all
    private static final ProductCatalog CATALOG = new ProductCatalog(List.of(
            new Product("ipa", "Hop Hill IPA", "IPA", true),
            new Product("bock", "Old Bock", "Bock", false)));

    @Test
    void shouldRefuseWithExitCode3WhenMoreThanTheAllowedShareWasRejected() {
        RatingsCollector ratings = sevenAcceptedThreeRejected();

        assertThatThrownBy(() -> new InputCheck(0.29, 1).check(ratings, CATALOG))
                .isInstanceOfSatisfying(RunRefusedException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.REJECTED_INPUT))
                .hasMessageStartingWith("3 of 10 ratings (30.00%) were rejected, more than the allowed 29.00%"
                        + " (reco.input.max-rejected-share): {")
                // the counts by reason, in whatever order the map gives them
                .hasMessageContaining("MISSING_USER_ID=2").hasMessageContaining("RATING_OUT_OF_SCALE=1");
    }

    @Test
    void shouldAcceptARejectedShareExactlyAtTheLimit() {
        CheckedInput input = new InputCheck(0.3, 1).check(sevenAcceptedThreeRejected(), CATALOG);

        assertThat(input.read().rejected()).isEqualTo(3);
        assertThat(input.read().read()).isEqualTo(10);
    }

    @Test
    void shouldRefuseWhenFewerUsableRatingsRemainThanRequiredCountingADuplicatePairOnce() {
        // seven accepted rows, one of them a second rating of the same pair: six usable
        RatingsCollector ratings = sevenAcceptedThreeRejected();

        assertThatThrownBy(() -> new InputCheck(1, 7).check(ratings, CATALOG))
                .isInstanceOfSatisfying(RunRefusedException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.REJECTED_INPUT))
                .hasMessage("only 6 usable ratings remain, fewer than the 7 required (reco.input.min-ratings)");
    }

    @Test
    void shouldHandOnTheDataWithItsCountsWhenTheInputPasses() {
        CheckedInput input = new InputCheck(0.5, 6).check(sevenAcceptedThreeRejected(), CATALOG);

        assertThat(input.ratingsUsed()).isEqualTo(6);
        assertThat(input.users()).isEqualTo(3);
        assertThat(input.products()).isEqualTo(3);
        assertThat(input.duplicates()).isEqualTo(1);
        assertThat(input.catalog()).isSameAs(CATALOG);
        assertThat(input.read().accepted()).isEqualTo(7);
        assertThat(input.read().rejectedByReason()).isEqualTo(Map.of(RejectReason.MISSING_USER_ID, 2L,
                RejectReason.RATING_OUT_OF_SCALE, 1L));
        // bock (inactive) and lager (unknown) are rated twice each: kept for training, never recommended
        assertThat(input.unrecommendableRatings()).isEqualTo(4);
        assertThat(input.data().recommendableCount()).isEqualTo(1);
    }

    @Test
    void shouldWriteSharesAsPercentWithTwoDecimals() {
        assertThat(InputCheck.percent(0.12345)).isEqualTo("12.35%");
        assertThat(InputCheck.percent(0)).isEqualTo("0.00%");
    }

    /** alice, bob and carol rate ipa, bock and lager twice each (bob ipa a second time); three rows are rejected. */
    private static RatingsCollector sevenAcceptedThreeRejected() {
        RatingsCollector ratings = new RatingsCollector();
        ratings.accept(row("alice", "ipa", "5"));
        ratings.accept(row("alice", "bock", "4"));
        ratings.accept(row("bob", "ipa", "2"));
        ratings.accept(row("bob", "ipa", "3"));
        ratings.accept(row("bob", "lager", "3"));
        ratings.accept(row("carol", "bock", "1"));
        ratings.accept(row("carol", "lager", "4"));
        ratings.reject(row(null, "ipa", "4"), RejectReason.MISSING_USER_ID);
        ratings.reject(row(" ", "ipa", "4"), RejectReason.MISSING_USER_ID);
        ratings.reject(row("dave", "ipa", "9"), RejectReason.RATING_OUT_OF_SCALE);
        return ratings;
    }

    private static RawRating row(String user, String product, String rating) {
        return new RawRating(user, product, new BigDecimal(rating), null);
    }
}
