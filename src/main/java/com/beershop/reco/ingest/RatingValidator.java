package com.beershop.reco.ingest;

import java.math.BigDecimal;

/**
 * Decides whether a rating row can be used. Ids must be present and fit the recommendation table's columns;
 * the rating must lie on the configured scale. Unknown or inactive products are not rejected here: their ratings
 * still teach the model, they are only never recommended.
 */
public final class RatingValidator {

    private final BigDecimal min;
    private final BigDecimal max;
    private final int maxIdLength;

    public RatingValidator(BigDecimal min, BigDecimal max, int maxIdLength) {
        this.min = min;
        this.max = max;
        this.maxIdLength = maxIdLength;
    }

    /** @return the reason the row is unusable, or null when it is fine */
    public RejectReason check(RawRating row) {
        if (row.userId() == null || row.userId().isBlank()) {
            return RejectReason.MISSING_USER_ID;
        }
        if (row.productId() == null || row.productId().isBlank()) {
            return RejectReason.MISSING_PRODUCT_ID;
        }
        if (row.userId().length() > maxIdLength) {
            return RejectReason.USER_ID_TOO_LONG;
        }
        if (row.productId().length() > maxIdLength) {
            return RejectReason.PRODUCT_ID_TOO_LONG;
        }
        if (row.rating() == null) {
            return RejectReason.MISSING_RATING;
        }
        if (row.rating().compareTo(min) < 0 || row.rating().compareTo(max) > 0) {
            return RejectReason.RATING_OUT_OF_SCALE;
        }
        return null;
    }
}
