package com.beershop.reco.sample;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One line of {@code ratings.csv}. Values are passed through as read, unvalidated: an empty user id or a rating of 9
 * is a row, and deciding whether it is acceptable is the job's business, not the reader's.
 *
 * @param rating the rating as written (4, 3.5, ...), or null when the field was empty
 * @param ratedAt when the rating was given, or null when the field was empty
 */
public record RatingRow(String userId, String productId, BigDecimal rating, LocalDateTime ratedAt) {
}
