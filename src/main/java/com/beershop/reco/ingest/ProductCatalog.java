package com.beershop.reco.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The shop's products; only active ones may ever be recommended. */
public final class ProductCatalog {

    private final Map<String, Product> byId = new HashMap<>();

    public ProductCatalog(Collection<Product> products) {
        for (Product product : products) {
            byId.put(product.productId(), product);
        }
    }

    /**
     * The same products, found by their key under {@code policy} ({@code find("b001")} finds {@code B001} when case
     * does not count); each product keeps its own spelling.
     */
    public ProductCatalog keyedBy(IdPolicy policy) {
        if (policy == IdPolicy.EXACT) {
            return this;
        }
        ProductCatalog keyed = new ProductCatalog(java.util.List.of());
        for (Product product : byId.values()) {
            keyed.byId.merge(policy.key(product.productId()), product,
                    (a, b) -> a.productId().compareTo(b.productId()) <= 0 ? a : b);
        }
        return keyed;
    }

    public boolean isRecommendable(String productId) {
        Product product = byId.get(productId);
        return product != null && product.active();
    }

    public Product find(String productId) {
        return byId.get(productId);
    }

    public int size() {
        return byId.size();
    }

    public long activeCount() {
        return byId.values().stream().filter(Product::active).count();
    }
}
