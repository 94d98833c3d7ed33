package com.beershop.reco.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One row of InventoryDB's ratings table as read, before any check. Any field may be null. */
public record RawRating(String userId, String productId, BigDecimal rating, LocalDateTime ratedAt) {
}
