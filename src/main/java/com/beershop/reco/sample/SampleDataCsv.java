package com.beershop.reco.sample;

import com.beershop.reco.ingest.Product;
import com.beershop.reco.ingest.RawRating;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Reads and writes the two sample-data files, streaming row by row, as the rows the job reads from InventoryDB
 * ({@link Product}, {@link RawRating}). This class is the format (files, columns, how values are written); the CSV
 * syntax itself is {@link CsvRecordReader} (FastCSV) and {@link CsvFields}.
 *
 * <p>Format: UTF-8, a header line, comma separated, fields quoted RFC 4180 style when they contain a comma, a quote
 * or a line break (a quote inside a quoted field is doubled). Lines end with LF when written; LF, CRLF and CR are
 * all accepted when read, as is a leading byte-order mark. Blank lines are skipped.
 * <ul>
 *   <li>{@code products.csv}: {@code product_id,name,style,active}, active {@code true}/{@code false}
 *       ({@code 1}/{@code 0} and any letter case are accepted when read)</li>
 *   <li>{@code ratings.csv}: {@code user_id,product_id,rating,rated_at}, rating a decimal number such as {@code 4}
 *       or {@code 3.5}, rated_at an ISO-8601 local date-time such as {@code 2025-06-01T18:30:00} (a space instead
 *       of the {@code T} is accepted when read)</li>
 * </ul>
 *
 * <p>The reader fails only on what it cannot parse: a wrong header, a wrong column count, a rating that is not a
 * number, an unreadable date or boolean, an unterminated quote, bytes that are not UTF-8. It does not judge values:
 * an empty id, or a rating of 9 on a 1-5 scale, passes through as a row so the job can count and reject it. An
 * empty rating or rated_at field becomes {@code null}. Ids and names are passed on exactly as written, untrimmed;
 * numbers, dates and booleans are trimmed before parsing.
 */
public final class SampleDataCsv {

    public static final String PRODUCTS_FILE = "products.csv";
    public static final String RATINGS_FILE = "ratings.csv";
    public static final List<String> PRODUCT_COLUMNS = List.of("product_id", "name", "style", "active");
    public static final List<String> RATING_COLUMNS = List.of("user_id", "product_id", "rating", "rated_at");

    private static final BigDecimal[] SMALL_INTEGERS = new BigDecimal[10];

    static {
        for (int i = 0; i < SMALL_INTEGERS.length; i++) {
            SMALL_INTEGERS[i] = BigDecimal.valueOf(i);
        }
    }

    private SampleDataCsv() {
    }

    /**
     * Streams the rows of a products file to {@code sink}.
     *
     * @return the number of rows passed to the sink
     * @throws SampleDataFormatException naming the file and line of the first line that cannot be parsed
     */
    public static long readProducts(Path file, ProductSink sink) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readProducts(in, file.toString(), sink);
        }
    }

    /**
     * Like {@link #readProducts(Path, ProductSink)} for any character stream (a classpath resource, an upload).
     *
     * @param source the name used in error messages
     */
    public static long readProducts(Reader in, String source, ProductSink sink) throws IOException {
        CsvRecordReader records = new CsvRecordReader(in, source);
        records.readHeader(PRODUCT_COLUMNS);
        long rows = 0;
        while (records.next()) {
            List<String> f = records.fields();
            sink.accept(new Product(f.get(0), f.get(1), f.get(2), parseBoolean(records, f.get(3), "active")));
            rows++;
        }
        return rows;
    }

    /**
     * Streams the rows of a ratings file to {@code sink}.
     *
     * @return the number of rows passed to the sink
     * @throws SampleDataFormatException naming the file and line of the first line that cannot be parsed
     */
    public static long readRatings(Path file, RatingSink sink) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readRatings(in, file.toString(), sink);
        }
    }

    /**
     * Like {@link #readRatings(Path, RatingSink)} for any character stream (a classpath resource, an upload).
     *
     * @param source the name used in error messages
     */
    public static long readRatings(Reader in, String source, RatingSink sink) throws IOException {
        CsvRecordReader records = new CsvRecordReader(in, source);
        records.readHeader(RATING_COLUMNS);
        long rows = 0;
        while (records.next()) {
            List<String> f = records.fields();
            sink.accept(new RawRating(f.get(0), f.get(1), parseRating(records, f.get(2)),
                    parseDateTime(records, f.get(3))));
            rows++;
        }
        return rows;
    }

    /**
     * Writes the products header to {@code out} and returns a sink that appends one line per row. The caller owns
     * (flushes and closes) the writer. The sink is not thread-safe.
     */
    public static ProductSink productWriter(Writer out) throws IOException {
        out.write(String.join(",", PRODUCT_COLUMNS));
        out.write('\n');
        StringBuilder line = new StringBuilder(128);
        return row -> {
            line.setLength(0);
            CsvFields.append(line, row.productId()).append(',');
            CsvFields.append(line, row.name()).append(',');
            CsvFields.append(line, row.style()).append(',');
            line.append(row.active()).append('\n');
            out.append(line);
        };
    }

    /**
     * Writes the ratings header to {@code out} and returns a sink that appends one line per row; a null rating or
     * rated_at is written as an empty field. The caller owns the writer. The sink is not thread-safe.
     */
    public static RatingSink ratingWriter(Writer out) throws IOException {
        out.write(String.join(",", RATING_COLUMNS));
        out.write('\n');
        StringBuilder line = new StringBuilder(64);
        return row -> {
            line.setLength(0);
            CsvFields.append(line, row.userId()).append(',');
            CsvFields.append(line, row.productId()).append(',');
            if (row.rating() != null) {
                line.append(formatRating(row.rating()));
            }
            line.append(',');
            if (row.ratedAt() != null) {
                appendDateTime(line, row.ratedAt());
            }
            line.append('\n');
            out.append(line);
        };
    }

    private static String formatRating(BigDecimal rating) {
        // 4.0 and 4 are the same rating; write the short form
        return rating.scale() == 0 ? rating.toPlainString() : rating.stripTrailingZeros().toPlainString();
    }

    // Hand-rolled because DateTimeFormatter costs noticeable time at ten million rows; it still handles the rare
    // value this fast path cannot (nanoseconds, years beyond four digits).
    private static void appendDateTime(StringBuilder line, LocalDateTime t) {
        if (t.getNano() != 0 || t.getYear() < 0 || t.getYear() > 9999) {
            line.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
            return;
        }
        appendDigits(line, t.getYear(), 4).append('-');
        appendDigits(line, t.getMonthValue(), 2).append('-');
        appendDigits(line, t.getDayOfMonth(), 2).append('T');
        appendDigits(line, t.getHour(), 2).append(':');
        appendDigits(line, t.getMinute(), 2).append(':');
        appendDigits(line, t.getSecond(), 2);
    }

    private static StringBuilder appendDigits(StringBuilder line, int value, int width) {
        int divisor = width == 4 ? 1000 : 10;
        for (; divisor > 0; divisor /= 10) {
            line.append((char) ('0' + value / divisor % 10));
        }
        return line;
    }

    private static boolean parseBoolean(CsvRecordReader records, String text, String column)
            throws SampleDataFormatException {
        String value = text.strip();
        if (value.equalsIgnoreCase("true") || value.equals("1")) {
            return true;
        }
        if (value.equalsIgnoreCase("false") || value.equals("0")) {
            return false;
        }
        throw records.error(column + " must be true or false, was '" + text + "'");
    }

    private static BigDecimal parseRating(CsvRecordReader records, String text)
            throws SampleDataFormatException {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() == 1 && value.charAt(0) >= '0' && value.charAt(0) <= '9') {
            return SMALL_INTEGERS[value.charAt(0) - '0'];
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw records.error("rating is not a number: '" + text + "'");
        }
    }

    private static LocalDateTime parseDateTime(CsvRecordReader records, String text)
            throws SampleDataFormatException {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (isPlainDateTime(value)) {
                return LocalDateTime.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10),
                        number(value, 11, 13), number(value, 14, 16), number(value, 17, 19));
            }
            return LocalDateTime.parse(value.replace(' ', 'T'));
        } catch (DateTimeException e) {
            throw records.error("rated_at is not an ISO-8601 local date-time such as 2025-06-01T18:30:00: '"
                    + text + "'");
        }
    }

    /** yyyy-MM-ddTHH:mm:ss exactly, the shape the generator writes: parsed without a formatter. */
    private static boolean isPlainDateTime(String v) {
        if (v.length() != 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
                || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return false;
        }
        for (int i = 0; i < 19; i++) {
            if (i != 4 && i != 7 && i != 10 && i != 13 && i != 16 && (v.charAt(i) < '0' || v.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
