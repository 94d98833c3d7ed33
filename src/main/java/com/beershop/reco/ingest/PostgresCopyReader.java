package com.beershop.reco.ingest;

import com.beershop.reco.model.ByteKeyIndex;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Utils;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads one range of the ratings through PostgreSQL's {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}: the
 * rows stream without the row-by-row protocol, and each row arrives as bytes. An ASCII id is validated, interned
 * and fingerprinted from those bytes ({@link RatingsCollector#acceptAscii}), a rating value is decoded and checked
 * once per distinct value, a time is one integer: at 10 M ratings the readers' own work fell to a fraction of what
 * the driver's strings, decimals and date-times cost. Rows with other ids (NULL, non-ASCII) take the same path as a
 * JDBC read, so both reads collect the same ratings, rejections and fingerprint.
 *
 * <p>The columns are cast to the types decoded here (varchar, numeric, timestamp). COPY takes no bind parameters,
 * so a range's bounds are written as literals, escaped by the driver. The connection's query timeout, which a COPY
 * does not get through a Statement, is set as the transaction's {@code statement_timeout}. Not thread-safe: one per
 * reader.
 */
final class PostgresCopyReader {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int COLUMNS = 4;
    /** PostgreSQL counts timestamps in microseconds from 2000-01-01 00:00. */
    private static final long EPOCH_2000_SECONDS = 946_684_800L;
    /** Distinct rating values whose check is remembered: a float column may hold any number of them. */
    private static final int RATING_VALUES_KEPT = 4096;
    private static final short NUMERIC_NEGATIVE = 0x4000;

    private final RatingValidator validator;
    private final RatingsCollector into;
    private final ByteKeyIndex ratingBytes = new ByteKeyIndex();
    private final List<Rating> ratings = new ArrayList<>();

    /** One decoded rating value and its check: null value for NaN and the infinities. */
    private record Rating(BigDecimal value, float asFloat, RejectReason verdict) {
    }

    PostgresCopyReader(RatingValidator validator, RatingsCollector into) {
        this.validator = validator;
        this.into = into;
    }

    /** Whether the connection is PostgreSQL's, which can stream a query's rows this way. */
    static boolean applies(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Reads {@code range}'s rows of {@code query} into the collector, in the connection's current transaction.
     *
     * @param progress told the rows read so far every {@code every} rows, and the rest at the end
     * @return the rows read
     */
    long read(Connection connection, RatingsQuery query, UserRanges.Range range, int every, LongConsumer progress)
            throws SQLException {
        applyQueryTimeout(connection);
        String copy = "COPY (SELECT CAST(" + query.userColumn() + " AS varchar), CAST(" + query.productColumn()
                + " AS varchar), CAST(" + query.ratingColumn() + " AS numeric), CAST(" + query.ratedAtColumn()
                + " AS timestamp) FROM " + query.table() + withLiterals(connection, range) + ") TO STDOUT (FORMAT binary)";
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy);
        long rows = 0;
        int sinceProgress = 0;
        try {
            boolean header = true;
            boolean ended = false;
            byte[] message;
            while ((message = out.readFromCopy()) != null) {
                int at = header ? afterHeader(message) : 0;
                header = false;
                while (at < message.length) {
                    if (ended) {
                        throw unexpected("data after the end of the rows");
                    }
                    int columns = int16(message, at);
                    at += 2;
                    if (columns == -1) {
                        ended = true;
                        continue;
                    }
                    if (columns != COLUMNS) {
                        throw unexpected(columns + " columns in a row, not " + COLUMNS);
                    }
                    try {
                        at = row(message, at);
                    } catch (ArrayIndexOutOfBoundsException e) {
                        throw unexpected("a row cut short");
                    }
                    rows++;
                    if (++sinceProgress == every) {
                        progress.accept(sinceProgress);
                        sinceProgress = 0;
                    }
                }
            }
            if (!ended) {
                throw unexpected("no end of the rows");
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
        progress.accept(sinceProgress);
        return rows;
    }

    /** Decodes the row at {@code at} and hands it to the collector; returns where the next row starts. */
    private int row(byte[] m, int at) {
        int userLength = int32(m, at);
        int userFrom = at + 4;
        int productAt = userFrom + Math.max(0, userLength);
        int productLength = int32(m, productAt);
        int productFrom = productAt + 4;
        int ratingAt = productFrom + Math.max(0, productLength);
        int ratingLength = int32(m, ratingAt);
        int ratingFrom = ratingAt + 4;
        int timeAt = ratingFrom + Math.max(0, ratingLength);
        int timeLength = int32(m, timeAt);
        int end = timeAt + 4 + Math.max(0, timeLength);
        if (end > m.length || (timeLength != -1 && timeLength != 8)) {
            throw unexpected("a row that does not fit its message");
        }
        Rating rating = ratingLength < 0 ? null : rating(m, ratingFrom, ratingFrom + ratingLength);
        long micros = timeLength < 0 ? 0 : int64(m, timeAt + 4);
        int userTo = userFrom + userLength;
        int productTo = productFrom + productLength;
        boolean ascii = userLength >= 0 && productLength >= 0 && ascii(m, userFrom, userTo)
                && ascii(m, productFrom, productTo);
        if (ascii) {
            RejectReason reason = validator.checkAsciiIds(m, userFrom, userTo, productFrom, productTo);
            if (reason == null) {
                reason = rating == null ? RejectReason.MISSING_RATING : rating.verdict();
            }
            if (reason == null) {
                into.acceptAscii(m, userFrom, userTo, productFrom, productTo, rating.asFloat(),
                        timeLength < 0 ? Long.MIN_VALUE : epochMillis(micros));
                return end;
            }
        }
        String userId = userLength < 0 ? null : new String(m, userFrom, userLength, StandardCharsets.UTF_8);
        String productId = productLength < 0 ? null : new String(m, productFrom, productLength, StandardCharsets.UTF_8);
        RawRating raw = new RawRating(userId, productId, rating == null ? null : rating.value(),
                timeLength < 0 ? null : dateTime(micros));
        RejectReason reason = validator.checkIds(userId, productId);
        if (reason == null) {
            reason = rating == null ? RejectReason.MISSING_RATING : rating.verdict();
        }
        if (reason == null) {
            into.accept(raw);
        } else {
            into.reject(raw, reason);
        }
        return end;
    }

    /** The rating at {@code m[from, to)}, decoded and checked once per distinct value. */
    private Rating rating(byte[] m, int from, int to) {
        int known = ratingBytes.find(m, from, to);
        if (known >= 0) {
            return ratings.get(known);
        }
        BigDecimal value = numeric(m, from, to);
        Rating rating = value == null ? new Rating(null, Float.NaN, RejectReason.RATING_OUT_OF_SCALE)
                : new Rating(value, value.floatValue(), validator.checkRating(value));
        if (ratings.size() < RATING_VALUES_KEPT) {
            ratingBytes.add(m, from, to);
            ratings.add(rating);
        }
        return rating;
    }

    /**
     * A numeric in PostgreSQL's binary form: digit count, weight, sign and display scale, then base-10000 digits,
     * the first worth 10000^weight. Null for NaN and the infinities, which lie on no rating scale.
     */
    static BigDecimal numeric(byte[] m, int from, int to) {
        int digits = int16(m, from);
        int weight = (short) int16(m, from + 2);
        short sign = (short) int16(m, from + 4);
        int scale = int16(m, from + 6);
        if (to - from != 8 + 2 * digits || digits < 0) {
            throw unexpected("a numeric of " + (to - from) + " bytes with " + digits + " digits");
        }
        if (sign != 0 && sign != NUMERIC_NEGATIVE) {
            return null;
        }
        BigInteger unscaled = BigInteger.ZERO;
        long small = 0;
        for (int i = 0; i < digits; i++) {
            int digit = int16(m, from + 8 + 2 * i);
            if (i < 4) {
                small = small * 10_000 + digit;
            } else {
                if (i == 4) {
                    unscaled = BigInteger.valueOf(small);
                }
                unscaled = unscaled.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(digit));
            }
        }
        // digits d0..dn-1 with d0 worth 10000^weight: the whole is their integer times 10^(4 * (weight - n + 1))
        BigDecimal value = digits <= 4 ? BigDecimal.valueOf(small, -4 * (weight - digits + 1))
                : new BigDecimal(unscaled, -4 * (weight - digits + 1));
        value = value.setScale(scale, RoundingMode.UNNECESSARY);
        return sign == NUMERIC_NEGATIVE ? value.negate() : value;
    }

    /** Epoch milliseconds of a timestamp in PostgreSQL's microseconds, as {@link RatingsCollector#epochMillis}. */
    static long epochMillis(long micros) {
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            return RatingsCollector.epochMillis(dateTime(micros)); // 'infinity': fails as a JDBC read of it does
        }
        return Math.floorDiv(micros, 1000) + EPOCH_2000_SECONDS * 1000;
    }

    /** The wall-clock time of PostgreSQL's microseconds; the driver reads 'infinity' as LocalDateTime.MAX. */
    static LocalDateTime dateTime(long micros) {
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000) + EPOCH_2000_SECONDS,
                (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
    }

    /** The range's WHERE clause with each {@code ?} replaced by its bound as a string literal. */
    private static String withLiterals(Connection connection, UserRanges.Range range) throws SQLException {
        boolean standardStrings = connection.unwrap(BaseConnection.class).getStandardConformingStrings();
        StringBuilder where = new StringBuilder();
        int bound = 0;
        for (char c : range.where().toCharArray()) {
            if (c == '?') {
                where.append('\'');
                Utils.escapeLiteral(where, range.bounds().get(bound++), standardStrings);
                where.append('\'');
            } else {
                where.append(c);
            }
        }
        if (bound != range.bounds().size()) {
            throw new IllegalStateException(range.bounds().size() + " bounds for " + bound + " placeholders");
        }
        return where.toString();
    }

    /** A COPY is no Statement: the timeout the connection gives its statements becomes the transaction's own. */
    private static void applyQueryTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int seconds = statement.getQueryTimeout();
            if (seconds > 0) {
                statement.execute("SET LOCAL statement_timeout = " + seconds * 1000L);
            }
        }
    }

    private static int afterHeader(byte[] m) {
        if (m.length < SIGNATURE.length + 8) {
            throw unexpected("a header of " + m.length + " bytes");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (m[i] != SIGNATURE[i]) {
                throw unexpected("no PGCOPY signature");
            }
        }
        int extension = int32(m, SIGNATURE.length + 4);
        return SIGNATURE.length + 8 + extension;
    }

    private static boolean ascii(byte[] m, int from, int to) {
        int all = 0;
        for (int i = from; i < to; i++) {
            all |= m[i];
        }
        return all >= 0;
    }

    private static int int16(byte[] m, int at) {
        return (short) (((m[at] & 0xFF) << 8) | (m[at + 1] & 0xFF));
    }

    private static int int32(byte[] m, int at) {
        return ((m[at] & 0xFF) << 24) | ((m[at + 1] & 0xFF) << 16) | ((m[at + 2] & 0xFF) << 8) | (m[at + 3] & 0xFF);
    }

    private static long int64(byte[] m, int at) {
        return ((long) int32(m, at) << 32) | (int32(m, at + 4) & 0xFFFFFFFFL);
    }

    private static IllegalStateException unexpected(String what) {
        return new IllegalStateException("Unexpected binary COPY data from PostgreSQL: " + what);
    }
}
