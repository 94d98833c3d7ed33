package com.beershop.reco.ingest;

import com.beershop.reco.model.IdDictionary;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Accumulates the ratings of one run as they stream in: accepted rows go into primitive arrays with interned ids,
 * rejected rows are counted by reason with a few logged as samples. Ids are interned as the database compares
 * them ({@link IdPolicy}): ids it treats as equal are one user or product, and their ratings of one product are
 * duplicates. Not thread-safe: one reader feeds it, and a parallel load gives each reader a part of its own
 * ({@link #newPart()}) and absorbs the parts afterwards.
 */
public final class RatingsCollector {

    private static final Logger log = LoggerFactory.getLogger(RatingsCollector.class);
    private static final int SAMPLES_PER_REASON = 5;

    private final IdPolicy idPolicy;
    private final IdDictionary users = new IdDictionary();
    private final IdDictionary products = new IdDictionary();
    private final IdSpellings userSpellings;
    private final IdSpellings productSpellings;
    /** Dropped once the matrix is built: its four arrays are 20 bytes per rating, 200 MB at ten million. */
    private InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
    private long accepted;
    private int duplicates;
    private final DataFingerprint fingerprint = new DataFingerprint();
    private final Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
    private InteractionMatrix built;

    /** Ids compared exactly. */
    public RatingsCollector() {
        this(IdPolicy.EXACT);
    }

    /** @param idPolicy when two ids are one id: as the database compares them */
    public RatingsCollector(IdPolicy idPolicy) {
        this.idPolicy = idPolicy;
        this.userSpellings = new IdSpellings(idPolicy);
        this.productSpellings = new IdSpellings(idPolicy);
    }

    public void accept(RawRating row) {
        accept(row.userId(), row.productId(), row.rating().floatValue(), epochMillis(row.ratedAt()));
    }

    /**
     * A valid row whose ids are ASCII bytes, {@code row[userFrom, userTo)} and {@code row[productFrom, productTo)}
     * (every byte below 0x80), as a bulk read has them: interned and fingerprinted from the bytes, with no String
     * per id unless the ids compare other than exactly.
     *
     * @param time the rating's wall-clock time in epoch milliseconds ({@link #epochMillis}), Long.MIN_VALUE if none
     */
    public void acceptAscii(byte[] row, int userFrom, int userTo, int productFrom, int productTo, float rating,
                            long time) {
        if (idPolicy != IdPolicy.EXACT) {
            accept(new String(row, userFrom, userTo - userFrom, StandardCharsets.ISO_8859_1),
                    new String(row, productFrom, productTo - productFrom, StandardCharsets.ISO_8859_1), rating, time);
            return;
        }
        checkOpen();
        builder.add(users.internAscii(row, userFrom, userTo), products.internAscii(row, productFrom, productTo),
                rating, time);
        accepted++;
        fingerprint.addAscii(row, userFrom, userTo, productFrom, productTo, rating);
    }

    private void accept(String userId, String productId, float rating, long time) {
        checkOpen();
        int user = users.intern(userSpellings.key(userId));
        int product = products.intern(productSpellings.key(productId));
        builder.add(user, product, rating, time);
        accepted++;
        fingerprint.add(userId, productId, rating);
    }

    /** A rating's time as the matrix keeps it: the wall-clock value read as UTC, in milliseconds; MIN_VALUE if none. */
    static long epochMillis(LocalDateTime ratedAt) {
        return ratedAt == null ? Long.MIN_VALUE : ratedAt.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private void checkOpen() {
        if (builder == null) {
            throw new IllegalStateException("the ratings matrix was already built; no more ratings can be added");
        }
    }

    /** An empty collector that interns ids the way this one does, for one reader of a parallel load. */
    public RatingsCollector newPart() {
        return new RatingsCollector(idPolicy);
    }

    /**
     * Takes over everything {@code part} collected (accepted rows, rejections, fingerprint); {@code part} must not
     * be used afterwards. Absorbing the parts of a parallel load, in any order, gives the same matrix, counts and
     * fingerprint as one reader would have collected, because {@link #matrix()} numbers ids in sorted order and
     * the fingerprint is order-independent. Only a user/product pair rated twice with the same {@code rated_at}
     * keeps whichever row arrived last, as with one reader: the database's row order decides that tie either way.
     */
    public void absorb(RatingsCollector part) {
        if (builder == null || part.builder == null) {
            throw new IllegalStateException("the ratings matrix was already built; no more ratings can be added");
        }
        int[] userMap = new int[part.users.size()];
        for (int i = 0; i < userMap.length; i++) {
            userMap[i] = users.intern(part.users.idAt(i));
        }
        int[] productMap = new int[part.products.size()];
        for (int i = 0; i < productMap.length; i++) {
            productMap[i] = products.intern(part.products.idAt(i));
        }
        builder.addAll(part.builder, userMap, productMap);
        userSpellings.absorb(part.userSpellings);
        productSpellings.absorb(part.productSpellings);
        part.builder = null;
        accepted += part.accepted;
        fingerprint.add(part.fingerprint);
        part.rejected.forEach((reason, count) -> rejected.merge(reason, count, Long::sum));
    }

    public void reject(RawRating row, RejectReason reason) {
        long count = rejected.merge(reason, 1L, Long::sum);
        if (count <= SAMPLES_PER_REASON) {
            // no user id: production ships every log line, and a customer id is personal data
            log.warn("Rejected rating ({}): product_id={}, rating={}", reason, abbreviate(row.productId()),
                    row.rating());
        }
    }

    public long acceptedCount() {
        return accepted;
    }

    public long rejectedCount() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<RejectReason, Long> rejectedByReason() {
        return Map.copyOf(rejected);
    }

    public String fingerprint() {
        return fingerprint.value();
    }

    /** What was read so far: counts, rejections by reason, the fingerprint of the accepted rows. */
    public RatingsRead summary() {
        return new RatingsRead(accepted + rejectedCount(), rejectedCount(), rejected, fingerprint.value());
    }

    /**
     * Builds the ratings matrix (once); duplicates of a user/product pair keep the latest rating. Ids are numbered
     * in sorted order first, so the result does not depend on the order the database returned the rows in.
     */
    public InteractionMatrix matrix() {
        if (built == null) {
            builder.remap(users.sortIds(), products.sortIds());
            built = builder.build(users.size(), products.size());
            duplicates = builder.duplicates();
            builder = null;
        }
        return built;
    }

    public int duplicates() {
        matrix();
        return duplicates;
    }

    /** Joins the ratings with the catalogue; also counts ratings of products that cannot be recommended. */
    public TrainingData toTrainingData(ProductCatalog catalog) {
        InteractionMatrix ratings = matrix();
        ProductCatalog keyed = catalog.keyedBy(idPolicy);
        boolean[] recommendable = new boolean[products.size()];
        int[] styleOfItem = new int[products.size()];
        Map<String, Integer> styleNumbers = new HashMap<>();
        for (int i = 0; i < recommendable.length; i++) {
            recommendable[i] = keyed.isRecommendable(products.idAt(i));
            Product product = keyed.find(products.idAt(i));
            String style = product == null || product.style() == null ? "" : product.style().strip();
            // styles compare as people read them: "IPA" and "ipa " are one style
            styleOfItem[i] = style.isEmpty() ? -1
                    : styleNumbers.computeIfAbsent(style.toLowerCase(Locale.ROOT), k -> styleNumbers.size());
        }
        IdDictionary productIds = productSpellings.spelled(products, key -> {
            Product product = keyed.find(key);
            return product == null ? null : product.productId();
        });
        return new TrainingData(userSpellings.spelled(users, key -> null), productIds, ratings, recommendable,
                styleOfItem);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 40 ? "'" + value + "'" : "'" + value.substring(0, 40) + "...' (" + value.length() + " chars)";
    }
}
