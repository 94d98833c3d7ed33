package com.beershop.reco.sample;

/**
 * One line of {@code products.csv}. Values are passed through as read: an empty product id is a row, not a parse
 * error, so the job can count and reject it with the other validation failures.
 */
public record ProductRow(String productId, String name, String style, boolean active) {
}
