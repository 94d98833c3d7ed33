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
        RejectReason ids = checkIds(row.userId(), row.productId());
        return ids != null ? ids : checkRating(row.rating());
    }

    /** The ids' part of {@link #check(RawRating)}, which comes first: null when both ids are fine. */
    RejectReason checkIds(String userId, String productId) {
        if (userId == null || userId.isBlank()) {
            return RejectReason.MISSING_USER_ID;
        }
        if (productId == null || productId.isBlank()) {
            return RejectReason.MISSING_PRODUCT_ID;
        }
        if (userId.length() > maxIdLength) {
            return RejectReason.USER_ID_TOO_LONG;
        }
        if (productId.length() > maxIdLength) {
            return RejectReason.PRODUCT_ID_TOO_LONG;
        }
        return null;
    }

    /**
     * As {@link #checkIds}, for ids given as ASCII bytes ({@code row[userFrom, userTo)} and
     * {@code row[productFrom, productTo)}, every byte below 0x80): one byte is one char, so a bulk read checks them
     * without a String.
     */
    RejectReason checkAsciiIds(byte[] row, int userFrom, int userTo, int productFrom, int productTo) {
        if (blank(row, userFrom, userTo)) {
            return RejectReason.MISSING_USER_ID;
        }
        if (blank(row, productFrom, productTo)) {
            return RejectReason.MISSING_PRODUCT_ID;
        }
        if (userTo - userFrom > maxIdLength) {
            return RejectReason.USER_ID_TOO_LONG;
        }
        if (productTo - productFrom > maxIdLength) {
            return RejectReason.PRODUCT_ID_TOO_LONG;
        }
        return null;
    }

    /** The rating's part of {@link #check(RawRating)}: missing or off the scale; null when it is fine. */
    RejectReason checkRating(BigDecimal rating) {
        if (rating == null) {
            return RejectReason.MISSING_RATING;
        }
        if (rating.compareTo(min) < 0 || rating.compareTo(max) > 0) {
            return RejectReason.RATING_OUT_OF_SCALE;
        }
        return null;
    }

    /** As {@link String#isBlank()} for ASCII: every char is whitespace to {@link Character#isWhitespace}. */
    private static boolean blank(byte[] ascii, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(ascii[i])) {
                return false;
            }
        }
        return true;
    }
}
