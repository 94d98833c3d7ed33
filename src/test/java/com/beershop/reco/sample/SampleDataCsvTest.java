package com.beershop.reco.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.beershop.reco.ingest.Product;
import com.beershop.reco.ingest.RawRating;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataCsvTest {

    @TempDir
    Path tmp;

    @Test
    void generatedFilesReadBackToTheGeneratedRows() throws IOException {
        // given
        SampleDataSpec spec = SampleDataSpec.of(300, 80, 5_000, 11L);
        List<Product> generatedProducts = new ArrayList<>();
        List<RawRating> generatedRatings = new ArrayList<>();
        new SampleDataGenerator(spec).generate(generatedProducts::add, generatedRatings::add);
        new SampleDataGenerator(spec).writeCsv(tmp);

        // when
        List<Product> products = new ArrayList<>();
        List<RawRating> ratings = new ArrayList<>();
        long productCount = SampleDataCsv.readProducts(tmp.resolve(SampleDataCsv.PRODUCTS_FILE), products::add);
        long ratingCount = SampleDataCsv.readRatings(tmp.resolve(SampleDataCsv.RATINGS_FILE), ratings::add);

        // then
        assertThat(products).isEqualTo(generatedProducts);
        assertThat(ratings).isEqualTo(generatedRatings);
        assertThat(productCount).isEqualTo(80);
        assertThat(ratingCount).isEqualTo(5_000);
    }

    @Test
    void fieldsWithCommasQuotesLineBreaksAndUmlautsSurviveARoundTrip() throws IOException {
        // given
        List<Product> written = List.of(
                new Product("B1", "Hop, Skip & Jump IPA", "IPA", true),
                new Product("B2", "The \"Big\" Stout", "Stout", false),
                new Product("B3", "Two\nLines", "Märzen", true),
                new Product("B4", "Kölsch", "Kölsch", true));
        Path file = tmp.resolve("products.csv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ProductSink sink = SampleDataCsv.productWriter(out);
            for (Product row : written) {
                sink.accept(row);
            }
        }

        // when
        List<Product> read = new ArrayList<>();
        SampleDataCsv.readProducts(file, read::add);

        // then
        assertThat(read).isEqualTo(written);
        assertThat(Files.readString(file)).contains("\"Hop, Skip & Jump IPA\"", "\"The \"\"Big\"\" Stout\"");
    }

    @Test
    void implausibleValuesPassThroughAndEmptyRatingOrDateBecomesNull() throws IOException {
        // given: rows the job must count and reject, but that are well-formed CSV
        String csv = """
                user_id,product_id,rating,rated_at
                ,B0001,4,2025-06-01T18:30:00
                U1,B0001,9,
                U2,,3.5,2025-06-01 18:30
                U3,B0002,,2025-06-01T18:30:00
                """;

        // when
        List<RawRating> rows = readRatings(csv);

        // then
        assertThat(rows).containsExactly(
                new RawRating("", "B0001", new BigDecimal("4"), LocalDateTime.of(2025, 6, 1, 18, 30)),
                new RawRating("U1", "B0001", new BigDecimal("9"), null),
                new RawRating("U2", "", new BigDecimal("3.5"), LocalDateTime.of(2025, 6, 1, 18, 30)),
                new RawRating("U3", "B0002", null, LocalDateTime.of(2025, 6, 1, 18, 30)));
    }

    @Test
    void acceptsByteOrderMarkCrLfBlankLinesAndUppercaseHeader() throws IOException {
        // given: what a spreadsheet export on Windows tends to look like
        String csv = "\uFEFFUSER_ID,Product_Id,rating,rated_at\r\nU1,B1,5,2025-01-02T03:04:05\r\n\r\nU2,B2,1,\r\n";

        // when
        List<RawRating> rows = readRatings(csv);

        // then
        assertThat(rows).extracting(RawRating::userId).containsExactly("U1", "U2");
    }

    @Test
    void wrongColumnCountFailsNamingTheFileAndLine() {
        // given: line 4 has three columns; line 3 is a multi-line quoted field that must not confuse the count
        String csv = "product_id,name,style,active\nB1,Pils,Pilsner,true\nB2,\"Two\nLines\",Stout,false\nB3,Oops,true\n";

        // when
        SampleDataFormatException error = catchThrowableOfType(
                () -> SampleDataCsv.readProducts(new StringReader(csv), "products.csv", row -> { }),
                SampleDataFormatException.class);

        // then
        assertThat(error.lineNumber()).isEqualTo(5);
        assertThat(error.source()).isEqualTo("products.csv");
        assertThat(error).hasMessage("products.csv line 5: expected 4 columns, found 3");
    }

    @Test
    void ratingThatIsNotANumberFailsNamingTheLine() {
        SampleDataFormatException error = ratingsError("""
                user_id,product_id,rating,rated_at
                U1,B1,4,
                U1,B2,four,
                """);

        assertThat(error).hasMessage("ratings.csv line 3: rating is not a number: 'four'");
    }

    @Test
    void unreadableDateFailsNamingTheLine() {
        SampleDataFormatException error = ratingsError("""
                user_id,product_id,rating,rated_at
                U1,B1,4,2025-13-01T00:00:00
                """);

        assertThat(error.lineNumber()).isEqualTo(2);
        assertThat(error).hasMessageContaining("rated_at is not an ISO-8601 local date-time");
    }

    @Test
    void unreadableActiveFlagFailsNamingTheLine() {
        String csv = "product_id,name,style,active\nB1,Pils,Pilsner,yes\n";

        SampleDataFormatException error = catchThrowableOfType(
                () -> SampleDataCsv.readProducts(new StringReader(csv), "products.csv", row -> { }),
                SampleDataFormatException.class);

        assertThat(error).hasMessage("products.csv line 2: active must be true or false, was 'yes'");
    }

    @Test
    void wrongHeaderOrUnclosedQuoteFails() {
        assertThat(ratingsError("user,product,rating,date\nU1,B1,4,\n"))
                .hasMessageStartingWith("ratings.csv line 1: expected the header user_id,product_id,rating,rated_at");
        assertThat(ratingsError("")).hasMessageContaining("line 1: empty file");
        assertThat(ratingsError("user_id,product_id,rating,rated_at\nU1,\"B1,4,\n"))
                .hasMessage("ratings.csv line 2: quoted field is never closed");
    }

    @Test
    void textAfterAClosingQuoteFailsNamingTheLine() {
        SampleDataFormatException error = ratingsError("user_id,product_id,rating,rated_at\nU1,\"B1\"x,4,\n");

        assertThat(error.lineNumber()).isEqualTo(2);
        assertThat(error).hasMessageStartingWith("ratings.csv line 2: ").hasMessageContaining("closing quote");
    }

    @Test
    void linesEndingInCarriageReturnsAloneAreCountedForErrors() {
        SampleDataFormatException error = ratingsError("user_id,product_id,rating,rated_at\rU1,B1,4,\r\rU1,B2,four,\r");

        assertThat(error).hasMessage("ratings.csv line 4: rating is not a number: 'four'");
    }

    @Test
    void bytesThatAreNotUtf8FailNamingTheFile() throws IOException {
        // given: a Latin-1 umlaut, one byte that is no UTF-8 sequence
        Path file = tmp.resolve("products.csv");
        Files.write(file, "product_id,name,style,active\nB1,K\u00f6lsch,K\u00f6lsch,true\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        // when
        SampleDataFormatException error = catchThrowableOfType(
                () -> SampleDataCsv.readProducts(file, row -> { }), SampleDataFormatException.class);

        // then
        assertThat(error).hasMessageStartingWith(file + " line ").hasMessageEndingWith(": not valid UTF-8 text");
    }

    @Test
    void readsAFileByPathAndNamesThePathInErrors() throws IOException {
        // given
        Path file = tmp.resolve("ratings.csv");
        Files.writeString(file, "user_id,product_id,rating,rated_at\nU1,B1\n");

        // when
        SampleDataFormatException error = catchThrowableOfType(
                () -> SampleDataCsv.readRatings(file, row -> { }), SampleDataFormatException.class);

        // then
        assertThat(error).hasMessage(file + " line 2: expected 4 columns, found 2");
    }

    private static List<RawRating> readRatings(String csv) throws IOException {
        List<RawRating> rows = new ArrayList<>();
        SampleDataCsv.readRatings(new StringReader(csv), "ratings.csv", rows::add);
        return rows;
    }

    private static SampleDataFormatException ratingsError(String csv) {
        return catchThrowableOfType(() -> readRatings(csv), SampleDataFormatException.class);
    }
}
