package com.beershop.reco.job;

import com.beershop.reco.config.InventoryProperties.ProductsTable;
import com.beershop.reco.ingest.Product;
import com.beershop.reco.ingest.ProductCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Reads the product catalogue: which products exist and which may be recommended (active ones). */
class LoadProductsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LoadProductsTasklet.class);

    private final JdbcTemplate jdbc;
    private final ProductsTable table;
    private final StageResult<ProductCatalog> catalog;

    LoadProductsTasklet(JdbcTemplate jdbc, ProductsTable table, StageResult<ProductCatalog> catalog) {
        this.jdbc = jdbc;
        this.table = table;
        this.catalog = catalog;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long[] unknown = {0};
        List<Product> products = jdbc.query(table.query().select(), (rs, i) -> {
            Product product = new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
            if (rs.wasNull()) {
                unknown[0]++;
            }
            return product;
        });
        ProductCatalog loaded = new ProductCatalog(products);
        catalog.set(loaded);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(products.size());
        log.info("Loaded {} products ({} active)", loaded.size(), loaded.activeCount());
        if (unknown[0] > 0) {
            // NULL is not "inactive": it is what a half-done product reload leaves; such products are not recommended
            log.warn("{} of {} products have {} NULL (unknown, not false): they are not recommended", unknown[0],
                    loaded.size(), table.activeColumn());
        }
        return RepeatStatus.FINISHED;
    }
}
