package com.beershop.reco.seed;

import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.config.SampleDataProperties;
import com.beershop.reco.ingest.Product;
import com.beershop.reco.ingest.RawRating;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.sample.SampleDataCsv;
import com.beershop.reco.sample.SampleDataFormatException;
import com.beershop.reco.schema.DatabaseVendor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills InventoryDB's products and ratings tables from CSV files (the bundled sample data, or a shop's own export
 * given with {@code --sample-data=DIR}), so the job runs with no database of its own. It only ever seeds an empty
 * ratings table, and by default only an in-memory one.
 */
@Component
public class SampleDataSeeder {

    private static final Logger log = LoggerFactory.getLogger(SampleDataSeeder.class);
    private static final int BATCH = 5_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final InventoryProperties inventory;
    private final SampleDataProperties properties;
    private final TransactionTemplate transaction;

    public SampleDataSeeder(DataSource dataSource, JdbcTemplate jdbc, InventoryProperties inventory,
                            SampleDataProperties properties, TransactionTemplate transaction) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.properties = properties;
        this.transaction = transaction;
    }

    public void seedIfWanted() throws IOException {
        boolean wanted = switch (properties.seed()) {
            case NEVER -> false;
            case ALWAYS -> true;
            case AUTO -> DatabaseVendor.isInMemory(dataSource);
        };
        if (!wanted) {
            return;
        }
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM " + inventory.ratings().table(), Long.class);
        if (existing != null && existing > 0) {
            log.info("Ratings table already holds {} rows: not seeding", existing);
            return;
        }
        seed(folder(properties.location()));
    }

    private void seed(Resource folder) throws IOException {
        long started = System.nanoTime();
        Resource productsCsv = folder.createRelative(SampleDataCsv.PRODUCTS_FILE);
        Resource ratingsCsv = folder.createRelative(SampleDataCsv.RATINGS_FILE);
        if (!productsCsv.exists() || !ratingsCsv.exists()) {
            throw RunRefusedException.configuration("sample data folder " + folder.getDescription() + " must contain "
                    + SampleDataCsv.PRODUCTS_FILE + " and " + SampleDataCsv.RATINGS_FILE);
        }
        log.info("Seeding InventoryDB tables from {}", folder.getDescription());
        try {
            // one transaction: a file that breaks half-way leaves the tables empty, not half-seeded
            transaction.executeWithoutResult(status -> {
                try {
                    load(productsCsv, ratingsCsv);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException wrapped) {
            if (!(wrapped.getCause() instanceof SampleDataFormatException e)) {
                throw wrapped.getCause();
            }
            // a file we cannot parse is bad input, like too many bad ratings: refuse before anything runs
            throw RunRefusedException.rejectedInput("cannot seed from " + folder.getDescription() + ": " + e.getMessage());
        }
        log.info("Seeded InventoryDB tables in {} s", String.format("%.1f", (System.nanoTime() - started) / 1e9));
    }

    private void load(Resource productsCsv, Resource ratingsCsv) throws IOException {
        InventoryProperties.ProductsTable p = inventory.products();
        String insertProduct = "INSERT INTO " + p.table() + " (" + p.idColumn() + ", " + p.nameColumn() + ", "
                + p.styleColumn() + ", " + p.activeColumn() + ") VALUES (?, ?, ?, ?)";
        List<Object[]> products = new ArrayList<>();
        try (Reader in = reader(productsCsv)) {
            SampleDataCsv.readProducts(in, productsCsv.getDescription(), (Product row) ->
                    products.add(new Object[]{row.productId(), row.name(), row.style(), row.active()}));
        }
        insert(insertProduct, products, productsCsv, p.table(), 0);

        InventoryProperties.RatingsTable r = inventory.ratings();
        String insertRating = "INSERT INTO " + r.table() + " (" + r.userColumn() + ", " + r.productColumn() + ", "
                + r.ratingColumn() + ", " + r.ratedAtColumn() + ") VALUES (?, ?, ?, ?)";
        List<Object[]> batch = new ArrayList<>(BATCH);
        long[] count = {0};
        try (Reader in = reader(ratingsCsv)) {
            SampleDataCsv.readRatings(in, ratingsCsv.getDescription(), (RawRating row) -> {
                batch.add(new Object[]{row.userId(), row.productId(), row.rating(),
                        row.ratedAt() == null ? null : Timestamp.valueOf(row.ratedAt())});
                if (batch.size() == BATCH) {
                    count[0] += flush(insertRating, batch, ratingsCsv, r.table(), count[0]);
                }
            });
        }
        count[0] += flush(insertRating, batch, ratingsCsv, r.table(), count[0]);
        log.info("Seeded {} products and {} ratings", products.size(), count[0]);
    }

    private int flush(String sql, List<Object[]> batch, Resource file, String table, long rowsBefore) {
        int size = batch.size();
        if (size > 0) {
            insert(sql, batch, file, table, rowsBefore);
            batch.clear();
        }
        return size;
    }

    /**
     * A row the table refuses (a value too long or too large for its column, a product id twice) is bad input in
     * the shop's export, like a line that does not parse: refused before anything runs, naming the file and the
     * batch, not as a database failure. The transaction around the whole seed leaves both tables empty.
     */
    private void insert(String sql, List<Object[]> rows, Resource file, String table, long rowsBefore) {
        try {
            jdbc.batchUpdate(sql, rows);
        } catch (DataIntegrityViolationException e) {
            throw RunRefusedException.rejectedInput("cannot seed from " + file.getDescription() + ": a row among its"
                    + " data rows " + (rowsBefore + 1) + "-" + (rowsBefore + rows.size()) + " does not fit the "
                    + table + " table: " + reason(e));
        }
    }

    /** The database's own words, without the statement it quotes back. */
    private static String reason(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        int statement = message.indexOf("; SQL statement:");
        return (statement < 0 ? message : message.substring(0, statement)).strip();
    }

    /** A bare path (from {@code --sample-data=DIR}) means a folder on disk; otherwise a Spring resource location. */
    static Resource folder(String location) {
        String withSlash = location.endsWith("/") ? location : location + "/";
        if (!withSlash.contains(":") || withSlash.matches("^[A-Za-z]:[\\\\/].*")) {
            return new FileSystemResource(withSlash);
        }
        return new DefaultResourceLoader().getResource(withSlash);
    }

    private static Reader reader(Resource resource) throws IOException {
        return new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8);
    }
}
