package com.beershop.reco.ingest;

import com.beershop.reco.model.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
}
