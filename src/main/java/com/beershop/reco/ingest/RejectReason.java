package com.beershop.reco.ingest;

/** Why a rating row cannot be used at all. */
public enum RejectReason {
    MISSING_USER_ID,
    MISSING_PRODUCT_ID,
    USER_ID_TOO_LONG,
    PRODUCT_ID_TOO_LONG,
    MISSING_RATING,
    RATING_OUT_OF_SCALE
}
