package com.beershop.reco.config;

import com.beershop.reco.ingest.ProductsQuery;
import com.beershop.reco.ingest.RatingsQuery;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.regex.Pattern;

/**
 * Names of InventoryDB's tables and columns. They are not ours: the defaults match production, and every name can
 * be overridden for a shop whose schema differs. Names are checked against a strict identifier pattern because
 * they are spliced into SQL.
 */
@ConfigurationProperties("reco.inventory")
public record InventoryProperties(
        @DefaultValue RatingsTable ratings,
        @DefaultValue ProductsTable products,
        @DefaultValue RecommendationsTable recommendations) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    public record RatingsTable(
            @DefaultValue("ratings") String table,
            @DefaultValue("user_id") String userColumn,
            @DefaultValue("product_id") String productColumn,
            @DefaultValue("rating") String ratingColumn,
            @DefaultValue("rated_at") String ratedAtColumn) {
        public RatingsTable {
            checkIdentifiers(table, userColumn, productColumn, ratingColumn, ratedAtColumn);
        }

        public RatingsQuery query() {
            return new RatingsQuery(table, userColumn, productColumn, ratingColumn, ratedAtColumn);
        }
    }

    public record ProductsTable(
            @DefaultValue("products") String table,
            @DefaultValue("product_id") String idColumn,
            @DefaultValue("name") String nameColumn,
            @DefaultValue("style") String styleColumn,
            @DefaultValue("active") String activeColumn) {
        public ProductsTable {
            checkIdentifiers(table, idColumn, nameColumn, styleColumn, activeColumn);
        }

        public ProductsQuery query() {
            return new ProductsQuery(table, idColumn, nameColumn, styleColumn, activeColumn);
        }
    }

    public record RecommendationsTable(
            @DefaultValue("recommendations") String table,
            @DefaultValue("user_id") String userColumn,
            @DefaultValue("product_id") String productColumn,
            @DefaultValue("rank") String rankColumn) {
        public RecommendationsTable {
            checkIdentifiers(table, userColumn, productColumn, rankColumn);
        }
    }

    static void checkIdentifiers(String... names) {
        for (String name : names) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a plain SQL identifier (letters, digits, _; optionally schema.name)");
            }
        }
    }
}
