package com.beershop.reco.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ids are one id exactly when the database treats them as one: the key each policy gives, the users and products
 * the collector makes of them, and the spelling published for each (the first in sorted order, or the catalogue's).
 */
class IdPolicyTest {

    @Test
    void shouldKeyIdsAsEachDatabaseComparesThem() {
        assertThat(IdPolicy.EXACT.key("U1 ")).isEqualTo("U1 ");
        assertThat(IdPolicy.IGNORE_TRAILING_SPACES.key("U1  ")).isEqualTo("U1");
        assertThat(IdPolicy.IGNORE_TRAILING_SPACES.key(" U1")).as("leading spaces count").isEqualTo(" U1");
        assertThat(IdPolicy.IGNORE_TRAILING_SPACES.key("U1")).isEqualTo("U1");
        assertThat(IdPolicy.IGNORE_TRAILING_SPACES.key("   ")).isEmpty();
        assertThat(IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES.key("Ab1 ")).isEqualTo("ab1");
        assertThat(IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES.key("ab1")).isEqualTo("ab1");
    }

    @Test
    void shouldMakeOneUserOfSpellingsTheDatabaseTreatsAsEqualAndPublishTheFirstInSortedOrder() {
        for (List<String> arrival : List.of(List.of("u1 ", "U1", "u1"), List.of("u1", "U1", "u1 "),
                List.of("U1", "u1 ", "u1"))) {
            RatingsCollector collector = new RatingsCollector(IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES);
            collector.accept(row(arrival.get(0), "p1"));
            collector.accept(row(arrival.get(1), "p2"));
            collector.accept(row(arrival.get(2), "p3"));

            TrainingData data = collector.toTrainingData(new ProductCatalog(List.of()));

            assertThat(data.users().size()).as("arrival %s", arrival).isEqualTo(1);
            assertThat(data.users().idAt(0)).as("arrival %s", arrival).isEqualTo("U1");
            assertThat(data.ratings().rowSize(0)).isEqualTo(3);
        }
    }

    @Test
    void shouldIgnoreOnlyTrailingSpacesWhenCaseCounts() {
        RatingsCollector collector = new RatingsCollector(IdPolicy.IGNORE_TRAILING_SPACES);
        collector.accept(row("u1 ", "p1"));
        collector.accept(row("U1", "p1"));
        collector.accept(row("u1", "p2"));

        TrainingData data = collector.toTrainingData(new ProductCatalog(List.of()));

        assertThat(data.users().size()).isEqualTo(2);
        assertThat(data.users().idAt(0)).isEqualTo("U1");
        assertThat(data.users().idAt(1)).as("the spelling without the space sorts first").isEqualTo("u1");
    }

    @Test
    void shouldKeepEverySpellingApartWhenIdsAreComparedExactly() {
        RatingsCollector collector = new RatingsCollector(IdPolicy.EXACT);
        collector.accept(row("u1 ", "p1"));
        collector.accept(row("U1", "p1"));
        collector.accept(row("u1", "p1"));

        TrainingData data = collector.toTrainingData(new ProductCatalog(List.of()));

        assertThat(data.users().size()).isEqualTo(3);
        assertThat(List.of(data.users().idAt(0), data.users().idAt(1), data.users().idAt(2)))
                .containsExactly("U1", "u1", "u1 ");
        assertThat(collector.duplicates()).isZero();
    }

    @Test
    void shouldPublishTheCataloguesSpellingOfAProductAndFindItsStyleAndStatus() {
        RatingsCollector collector = new RatingsCollector(IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES);
        collector.accept(row("u1", "b001 "));
        collector.accept(row("u2", "b001"));
        collector.accept(row("u2", "x9"));
        ProductCatalog catalog = new ProductCatalog(List.of(new Product("B001", "Hop Hill IPA", "IPA", true)));

        TrainingData data = collector.toTrainingData(catalog);

        assertThat(data.products().size()).isEqualTo(2);
        assertThat(data.products().idAt(0)).as("the catalogue's spelling").isEqualTo("B001");
        assertThat(data.products().idAt(1)).as("not in the catalogue: the data's spelling").isEqualTo("x9");
        assertThat(data.recommendable()).containsExactly(true, false);
        assertThat(data.styleOfItem()).containsExactly(0, -1);
        assertThat(collector.duplicates()).as("two spellings of one product, by two users").isZero();
    }

    @Test
    void shouldKeepTheFirstSpellingInSortedOrderWhenParallelReadersSawDifferentOnes() {
        RatingsCollector merged = new RatingsCollector(IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES);
        RatingsCollector first = merged.newPart();
        RatingsCollector second = merged.newPart();
        first.accept(row("u1", "P1"));
        second.accept(row("U1 ", "p1"));
        second.accept(row("U1", "p2"));
        merged.absorb(first);
        merged.absorb(second);

        TrainingData data = merged.toTrainingData(new ProductCatalog(List.of()));

        assertThat(data.users().size()).isEqualTo(1);
        assertThat(data.users().idAt(0)).isEqualTo("U1");
        assertThat(data.products().idAt(0)).isEqualTo("P1");
        assertThat(merged.duplicates()).as("P1 and p1 are one product, rated twice by one user").isEqualTo(1);
    }

    @Test
    void shouldFindAProductUnderItsKeyAndChooseTheFirstSpellingWhenTwoShareOne() {
        ProductCatalog catalog = new ProductCatalog(List.of(new Product("b001", "Old Bock", "Bock", false),
                new Product("B001", "Hop Hill IPA", "IPA", true), new Product("C7", "Pils", "Pils", true)));

        ProductCatalog keyed = catalog.keyedBy(IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES);

        assertThat(keyed.find("b001").productId()).isEqualTo("B001");
        assertThat(keyed.isRecommendable("b001")).isTrue();
        assertThat(keyed.find("c7").name()).isEqualTo("Pils");
        assertThat(keyed.find("C7")).as("found by key only").isNull();
        assertThat(keyed.size()).isEqualTo(2);
        assertThat(catalog.keyedBy(IdPolicy.EXACT)).isSameAs(catalog);
    }

    @Test
    void shouldCountOnlyActiveProductsAsRecommendable() {
        ProductCatalog catalog = new ProductCatalog(List.of(new Product("a", "A", null, true),
                new Product("b", "B", null, false), new Product("c", "C", null, true)));

        assertThat(catalog.size()).isEqualTo(3);
        assertThat(catalog.activeCount()).isEqualTo(2);
        assertThat(catalog.isRecommendable("a")).isTrue();
        assertThat(catalog.isRecommendable("b")).isFalse();
        assertThat(catalog.isRecommendable("unknown")).isFalse();
    }

    private static RawRating row(String user, String product) {
        return new RawRating(user, product, BigDecimal.ONE, null);
    }
}
