package com.beershop.reco.ingest;

/** One row of InventoryDB's products table. */
public record Product(String productId, String name, String style, boolean active) {
}
