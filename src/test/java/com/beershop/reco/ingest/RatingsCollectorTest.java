package com.beershop.reco.ingest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.beershop.reco.model.InteractionMatrix;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatingsCollectorTest {

    @Test
    void shouldKeepTheLatestRatingOfADuplicatePairAndCountTheDuplicate() {
        RatingsCollector collector = new RatingsCollector();
        collector.accept(rating("alice", "ipa", "5", LocalDateTime.of(2026, 3, 1, 0, 0)));
        collector.accept(rating("alice", "ipa", "2", LocalDateTime.of(2026, 1, 1, 0, 0)));
        collector.accept(rating("alice", "stout", "3", null));

        InteractionMatrix matrix = collector.matrix();

        assertThat(matrix.numRatings()).isEqualTo(2);
        assertThat(collector.duplicates()).isEqualTo(1);
        int ipaEntry = matrix.rowStart(0);
        assertThat(matrix.itemAt(ipaEntry)).isZero();
        assertThat(matrix.valueAt(ipaEntry)).isEqualTo(5f);
    }

    @Test
    void shouldMarkOnlyActiveCatalogueProductsRecommendable() {
        RatingsCollector collector = new RatingsCollector();
        collector.accept(rating("alice", "ipa", "5", null));
        collector.accept(rating("alice", "retired", "4", null));
        collector.accept(rating("bob", "unknown", "4", null));
        ProductCatalog catalog = new ProductCatalog(List.of(
                new Product("ipa", "Hop Hill IPA", "IPA", true),
                new Product("retired", "Old Bock", "Bock", false)));

        TrainingData data = collector.toTrainingData(catalog);

        assertThat(data.recommendable()).containsExactly(true, false, false);
        assertThat(data.ratings().numRatings()).isEqualTo(3);
    }

    @Test
    void shouldGiveTheSameFingerprintWhateverTheRowOrder() {
        RatingsCollector forward = new RatingsCollector();
        RatingsCollector backward = new RatingsCollector();
        List<RawRating> rows = List.of(rating("a", "x", "1", null), rating("b", "y", "2", null),
                rating("c", "z", "3.5", null));
        rows.forEach(forward::accept);
        for (int i = rows.size() - 1; i >= 0; i--) {
            backward.accept(rows.get(i));
        }

        assertThat(forward.fingerprint()).isEqualTo(backward.fingerprint()).startsWith("3:");
        RatingsCollector changed = new RatingsCollector();
        List.of(rating("a", "x", "1", null), rating("b", "y", "2", null), rating("c", "z", "4", null))
                .forEach(changed::accept);
        assertThat(changed.fingerprint()).isNotEqualTo(forward.fingerprint());
    }

    @Test
    void shouldBuildTheSameMatrixWhateverTheRowOrder() {
        List<RawRating> rows = List.of(rating("carol", "stout", "4", null), rating("alice", "ipa", "5", null),
                rating("bob", "stout", "2", null), rating("alice", "stout", "3", null));
        RatingsCollector forward = new RatingsCollector();
        RatingsCollector backward = new RatingsCollector();
        rows.forEach(forward::accept);
        for (int i = rows.size() - 1; i >= 0; i--) {
            backward.accept(rows.get(i));
        }

        InteractionMatrix a = forward.matrix();
        InteractionMatrix b = backward.matrix();

        assertThat(forward.toTrainingData(new ProductCatalog(List.of())).users().idAt(0)).isEqualTo("alice");
        for (int user = 0; user < a.numUsers(); user++) {
            assertThat(a.rowSize(user)).isEqualTo(b.rowSize(user));
            for (int k = a.rowStart(user); k < a.rowEnd(user); k++) {
                assertThat(a.itemAt(k)).isEqualTo(b.itemAt(k));
                assertThat(a.valueAt(k)).isEqualTo(b.valueAt(k));
            }
        }
    }

    private static RawRating rating(String user, String product, String value, LocalDateTime at) {
        return new RawRating(user, product, new BigDecimal(value), at);
    }

    @Test
    void shouldGiveTheSameMatrixCountsAndFingerprintWhenReadersPartsAreAbsorbed() {
        List<RawRating> rows = List.of(rating("carol", "stout", "4", null), rating("alice", "ipa", "5", null),
                rating("bob", "ipa", "2", null), rating("alice", "ipa", "3", LocalDateTime.of(2026, 2, 1, 0, 0)),
                rating("bob", "lager", "1", null), rating("carol", "ipa", "5", null));
        RatingsCollector serial = new RatingsCollector();
        rows.forEach(serial::accept);
        serial.reject(rating(null, "ipa", "4", null), RejectReason.MISSING_USER_ID);

        RatingsCollector merged = new RatingsCollector();
        RatingsCollector bobAndCarol = merged.newPart();
        RatingsCollector alice = merged.newPart();
        rows.stream().filter(r -> !r.userId().equals("alice")).forEach(bobAndCarol::accept);
        rows.stream().filter(r -> r.userId().equals("alice")).forEach(alice::accept);
        alice.reject(rating(null, "ipa", "4", null), RejectReason.MISSING_USER_ID);
        merged.absorb(bobAndCarol);
        merged.absorb(alice);

        InteractionMatrix expected = serial.matrix();
        InteractionMatrix actual = merged.matrix();
        assertThat(merged.fingerprint()).isEqualTo(serial.fingerprint());
        assertThat(merged.acceptedCount()).isEqualTo(6);
        assertThat(merged.rejectedByReason()).isEqualTo(serial.rejectedByReason());
        assertThat(merged.duplicates()).isEqualTo(serial.duplicates()).isEqualTo(1);
        assertThat(actual.numUsers()).isEqualTo(expected.numUsers());
        for (int u = 0; u < expected.numUsers(); u++) {
            assertThat(actual.rowSize(u)).isEqualTo(expected.rowSize(u));
            for (int k = expected.rowStart(u); k < expected.rowEnd(u); k++) {
                assertThat(actual.itemAt(k)).isEqualTo(expected.itemAt(k));
                assertThat(actual.valueAt(k)).isEqualTo(expected.valueAt(k));
            }
        }
    }

    @Test
    void shouldRefuseMoreRatingsOnceTheMatrixIsBuilt() {
        RatingsCollector built = new RatingsCollector();
        built.accept(rating("alice", "ipa", "5", null));
        built.matrix();
        RatingsCollector open = new RatingsCollector();
        open.accept(rating("bob", "ipa", "4", null));

        assertThatThrownBy(() -> built.accept(rating("bob", "ipa", "4", null)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> built.absorb(open)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> open.absorb(built)).isInstanceOf(IllegalStateException.class);
        assertThat(open.acceptedCount()).isEqualTo(1);
    }

    @Test
    void shouldNumberStylesAsPeopleReadThemAndGiveProductsWithoutOneNoStyle() {
        RatingsCollector collector = new RatingsCollector();
        for (String product : List.of("a", "b", "c", "d", "e", "f", "g")) {
            collector.accept(rating("alice", product, "4", null));
        }
        ProductCatalog catalog = new ProductCatalog(List.of(new Product("a", "A", "IPA", true),
                new Product("b", "B", " Stout", true), new Product("c", "C", "ipa ", false),
                new Product("d", "D", "  ", true), new Product("e", "E", null, true),
                new Product("f", "F", "STOUT", true)));

        TrainingData data = collector.toTrainingData(catalog);

        // g is not in the catalogue
        assertThat(data.styleOfItem()).containsExactly(0, 1, 0, -1, -1, 1, -1);
        assertThat(data.recommendable()).containsExactly(true, true, false, true, true, true, false);
        assertThat(data.recommendableCount()).isEqualTo(5);
    }

    @Test
    void shouldGiveEveryItemNoStyleWhenTrainingDataIsMadeWithoutStyles() {
        TrainingData data = new TrainingData(new com.beershop.reco.model.IdDictionary(),
                new com.beershop.reco.model.IdDictionary(), new InteractionMatrix(0, 3, new int[] {0}, new int[0],
                new float[0]), new boolean[] {true, false, true});

        assertThat(data.styleOfItem()).containsExactly(-1, -1, -1);
        assertThat(data.recommendableCount()).isEqualTo(2);
    }

    @Test
    void shouldSummariseWhatWasReadBeforeAnyCheck() {
        RatingsCollector collector = new RatingsCollector();
        collector.accept(rating("alice", "ipa", "5", null));
        collector.accept(rating("bob", "ipa", "4", null));
        collector.accept(rating("carol", "ipa", "4", null));
        collector.reject(rating("dave", "ipa", "4", null), RejectReason.USER_ID_TOO_LONG);

        RatingsRead read = collector.summary();

        assertThat(read.read()).isEqualTo(4);
        assertThat(read.rejected()).isEqualTo(1);
        assertThat(read.accepted()).isEqualTo(3);
        assertThat(read.rejectedShare()).isEqualTo(0.25);
        assertThat(read.rejectedByReason()).isEqualTo(Map.of(RejectReason.USER_ID_TOO_LONG, 1L));
        assertThat(read.fingerprint()).isEqualTo(collector.fingerprint()).matches("3:[0-9a-f]{16}");
        assertThat(new RatingsCollector().summary().rejectedShare()).as("nothing read, nothing rejected").isZero();
    }

    @Test
    void shouldLogAtMostFiveSamplesPerReasonWithoutTheUserIdAndWithLongProductIdsCut() {
        Logger log = (Logger) LoggerFactory.getLogger(RatingsCollector.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            RatingsCollector collector = new RatingsCollector();
            for (int i = 0; i < 7; i++) {
                collector.reject(rating("customer-" + i, "ipa", "9", null), RejectReason.RATING_OUT_OF_SCALE);
            }
            collector.reject(new RawRating("customer-x", null, null, null), RejectReason.MISSING_PRODUCT_ID);
            collector.reject(rating("customer-y", "p".repeat(45), "3", null), RejectReason.PRODUCT_ID_TOO_LONG);
            collector.reject(rating("customer-z", "q".repeat(40), "3", null), RejectReason.PRODUCT_ID_TOO_LONG);

            assertThat(collector.rejectedCount()).isEqualTo(10);
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    "Rejected rating (RATING_OUT_OF_SCALE): product_id='ipa', rating=9",
                    "Rejected rating (RATING_OUT_OF_SCALE): product_id='ipa', rating=9",
                    "Rejected rating (RATING_OUT_OF_SCALE): product_id='ipa', rating=9",
                    "Rejected rating (RATING_OUT_OF_SCALE): product_id='ipa', rating=9",
                    "Rejected rating (RATING_OUT_OF_SCALE): product_id='ipa', rating=9",
                    "Rejected rating (MISSING_PRODUCT_ID): product_id=null, rating=null",
                    "Rejected rating (PRODUCT_ID_TOO_LONG): product_id='" + "p".repeat(40)
                            + "...' (45 chars), rating=3",
                    "Rejected rating (PRODUCT_ID_TOO_LONG): product_id='" + "q".repeat(40) + "', rating=3");
        } finally {
            log.detachAppender(lines);
        }
    }
}
