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
