package com.beershop.reco.ingest;

/**
 * The statements that read InventoryDB's ratings, built from its configured table and column names (plain
 * identifiers, checked where they are configured). Only SQL that every database reads alike: what differs by vendor
 * comes from the dialect through the {@link ReadPlan}.
 */
public record RatingsQuery(String table, String userColumn, String productColumn, String ratingColumn,
                           String ratedAtColumn) {

    /** User id, product id, rating and rated-at, in that order, without a WHERE clause: a reader adds its range. */
    public String select() {
        return "SELECT " + userColumn + ", " + productColumn + ", " + ratingColumn + ", " + ratedAtColumn
                + " FROM " + table;
    }

    /** No rows, only the user column's metadata: its type decides how a bound user id is written. */
    public String userColumnMetadata() {
        return "SELECT " + userColumn + " FROM " + table + " WHERE 1 = 0";
    }
}
