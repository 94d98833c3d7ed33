package com.beershop.reco.config;

import com.beershop.reco.ingest.IdPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What counts as a usable rating, and how much bad input a run tolerates before it refuses to publish.
 *
 * @param ratingMin lowest valid rating (inclusive)
 * @param ratingMax highest valid rating (inclusive)
 * @param maxIdLength longest accepted user or product id; longer ones cannot fit the recommendation table
 * @param maxRejectedShare share of rows that may be rejected before the run fails (0.05 = 5 %)
 * @param minRatings fewest valid ratings a run needs to train anything meaningful
 * @param chunkSize rows fetched per round trip while loading ratings
 * @param readers connections that read the ratings at once, each a range of user ids; 0 = one per core (capped
 *                by the connection pool; one on SQL Server without snapshot isolation)
 * @param idPolicy when two user or product ids are the same id; unset means as the database compares them
 *                 (SQL Server: trailing spaces ignored, and case too under a case-insensitive collation)
 * @param bulkRead whether PostgreSQL's ratings are read through its binary COPY (several times less work per row
 *                 than a JDBC result set); false reads them through a server-side cursor of {@code chunkSize} rows
 */
@ConfigurationProperties("reco.input")
public record InputProperties(
        @DefaultValue("1") BigDecimal ratingMin,
        @DefaultValue("5") BigDecimal ratingMax,
        @DefaultValue("64") int maxIdLength,
        @DefaultValue("0.05") double maxRejectedShare,
        @DefaultValue("1000") int minRatings,
        @DefaultValue("10000") int chunkSize,
        @DefaultValue("0") int readers,
        IdPolicy idPolicy,
        @DefaultValue("true") boolean bulkRead) {

    public InputProperties {
        if (ratingMin.compareTo(ratingMax) >= 0) {
            throw new IllegalArgumentException("reco.input.rating-min must be below rating-max");
        }
        if (maxRejectedShare < 0 || maxRejectedShare > 1) {
            throw new IllegalArgumentException("reco.input.max-rejected-share must lie in [0, 1]");
        }
        if (readers < 0) {
            throw new IllegalArgumentException("reco.input.readers must be 0 (one per core) or positive");
        }
        if (maxIdLength < 1 || minRatings < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("reco.input.max-id-length, min-ratings and chunk-size must be positive");
        }
    }

    /** The configured id policy; empty means: compare ids as the database does. */
    public Optional<IdPolicy> configuredIdPolicy() {
        return Optional.ofNullable(idPolicy);
    }
}
