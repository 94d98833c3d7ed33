package com.beershop.reco.ingest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RatingValidatorTest {

    private final RatingValidator validator = new RatingValidator(BigDecimal.ONE, new BigDecimal("5"), 8);

    @Test
    void shouldAcceptTheEdgesOfTheScale() {
        assertThat(validator.check(row("u", "p", "1"))).isNull();
        assertThat(validator.check(row("u", "p", "5.00"))).isNull();
    }

    @Test
    void shouldNameTheReasonOfEachKindOfBadRow() {
        assertThat(validator.check(row(null, "p", "3"))).isEqualTo(RejectReason.MISSING_USER_ID);
        assertThat(validator.check(row("  ", "p", "3"))).isEqualTo(RejectReason.MISSING_USER_ID);
        assertThat(validator.check(row("u", "", "3"))).isEqualTo(RejectReason.MISSING_PRODUCT_ID);
        assertThat(validator.check(row("u23456789", "p", "3"))).isEqualTo(RejectReason.USER_ID_TOO_LONG);
        assertThat(validator.check(row("u", "p23456789", "3"))).isEqualTo(RejectReason.PRODUCT_ID_TOO_LONG);
        assertThat(validator.check(row("u", "p", null))).isEqualTo(RejectReason.MISSING_RATING);
        assertThat(validator.check(row("u", "p", "0.99"))).isEqualTo(RejectReason.RATING_OUT_OF_SCALE);
        assertThat(validator.check(row("u", "p", "5.01"))).isEqualTo(RejectReason.RATING_OUT_OF_SCALE);
    }

    @Test
    void shouldAcceptIdsOfExactlyTheMaximumLength() {
        assertThat(validator.check(row("u2345678", "p", "3"))).isNull();
        assertThat(validator.check(row("u", "p2345678", "3"))).isNull();
    }

    private static RawRating row(String user, String product, String rating) {
        return new RawRating(user, product, rating == null ? null : new BigDecimal(rating), null);
    }
}
