package com.beershop.reco.ingest;

/** The statement that reads InventoryDB's product catalogue, built from its configured table and column names. */
public record ProductsQuery(String table, String idColumn, String nameColumn, String styleColumn,
                            String activeColumn) {

    /** Product id, name, style and active flag, in that order: the columns of {@link Product}. */
    public String select() {
        return "SELECT " + idColumn + ", " + nameColumn + ", " + styleColumn + ", " + activeColumn + " FROM " + table;
    }
}
