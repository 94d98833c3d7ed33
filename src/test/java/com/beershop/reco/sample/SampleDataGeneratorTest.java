package com.beershop.reco.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beershop.reco.ingest.Product;
import com.beershop.reco.ingest.RawRating;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    private static final SampleDataSpec SMALL = SampleDataSpec.of(400, 120, 8_000, 7L);

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        // given
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");

        // when
        new SampleDataGenerator(SMALL).writeCsv(first);
        new SampleDataGenerator(SMALL).writeCsv(second);

        // then
        for (String file : List.of(SampleDataCsv.PRODUCTS_FILE, SampleDataCsv.RATINGS_FILE)) {
            assertThat(Files.readAllBytes(second.resolve(file))).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void differentSeedGivesDifferentData() throws IOException {
        // given
        SampleDataSpec otherSeed = SampleDataSpec.of(SMALL.users(), SMALL.products(), SMALL.ratings(), 8L);

        // when
        Generated one = Generated.of(SMALL);
        Generated other = Generated.of(otherSeed);

        // then
        assertThat(other.ratings).hasSameSizeAs(one.ratings).isNotEqualTo(one.ratings);
        assertThat(other.products).isNotEqualTo(one.products);
    }

    @Test
    void generatesExactlyTheRequestedRatingsWithoutDuplicatePairs() throws IOException {
        // when
        Generated data = Generated.of(SMALL);

        // then
        assertThat(data.products).hasSize(SMALL.products());
        assertThat(data.ratings).hasSize((int) SMALL.ratings());
        Set<String> pairs = data.ratings.stream().map(r -> r.userId() + "/" + r.productId()).collect(Collectors.toSet());
        assertThat(pairs).hasSize(data.ratings.size());
    }

    @Test
    void everyUserRatesAtLeastTwoKnownProducts() throws IOException {
        // when
        Generated data = Generated.of(SMALL);

        // then
        Map<String, Long> perUser = data.ratingsPerUser();
        assertThat(perUser).hasSize(SMALL.users());
        assertThat(perUser.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(2));
        Set<String> productIds = data.products.stream().map(Product::productId).collect(Collectors.toSet());
        assertThat(data.ratings).allSatisfy(r -> assertThat(productIds).contains(r.productId()));
    }

    @Test
    void heavyUsersStillGetDistinctProductsWhenTheCatalogueIsSmall() throws IOException {
        // given: every user must rate half the catalogue
        SampleDataSpec crowded = SampleDataSpec.of(30, 40, 30 * 20, 3L);

        // when
        Generated data = Generated.of(crowded);

        // then
        assertThat(data.ratingsPerUser().values()).containsOnly(20L);
        assertThat(data.ratings.stream().map(r -> r.userId() + "/" + r.productId()).distinct()).hasSize(600);
    }

    @Test
    void exactDrawWithoutReplacementGivesTheRequestedCountsWhenRejectionSamplingGivesUp() throws IOException {
        // given: no rejection-sampling budget at all, so every product comes from the fallback draw
        List<RawRating> ratings = new ArrayList<>();

        // when
        new SampleDataGenerator(SMALL, 0).generate(row -> { }, ratings::add);

        // then
        assertThat(ratings).hasSize((int) SMALL.ratings());
        assertThat(ratings.stream().map(r -> r.userId() + "/" + r.productId()).distinct()).hasSize(ratings.size());
        assertThat(ratings.stream().map(RawRating::userId).distinct()).hasSize(SMALL.users());
    }

    @Test
    void ratingsAreWholeNumbersFromOneToFiveWithTimestampsInTheTwoYearWindow() throws IOException {
        // when
        Generated data = Generated.of(SMALL);

        // then
        Set<BigDecimal> scale = Set.of(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(3),
                BigDecimal.valueOf(4), BigDecimal.valueOf(5));
        assertThat(data.ratings).allSatisfy(r -> {
            assertThat(scale).contains(r.rating());
            assertThat(r.ratedAt()).isBefore(SampleDataGenerator.REFERENCE_TIME)
                    .isAfterOrEqualTo(SampleDataGenerator.REFERENCE_TIME.minusDays(730));
        });
        // every value of the scale is used, so a model sees real spread
        assertThat(data.ratings.stream().map(RawRating::rating).collect(Collectors.toSet())).isEqualTo(scale);
    }

    @Test
    void marksTheRequestedShareOfProductsInactive() throws IOException {
        // given
        SampleDataSpec spec = new SampleDataSpec(400, 1_000, 8_000, 7L, 0.2);

        // when
        long inactiveDefault = Generated.of(SMALL).products.stream().filter(p -> !p.active()).count();
        long inactiveTwentyPercent = Generated.of(spec).products.stream().filter(p -> !p.active()).count();

        // then
        assertThat(inactiveDefault).isEqualTo(Math.round(SMALL.products() * SampleDataSpec.DEFAULT_INACTIVE_SHARE));
        assertThat(inactiveTwentyPercent).isEqualTo(200);
    }

    @Test
    void productsAreNamedAfterTheirStyleWithPaddedIds() throws IOException {
        // when
        Generated data = Generated.of(SMALL);

        // then
        Set<String> knownStyles = Arrays.stream(StyleFamily.values()).flatMap(f -> f.styles.stream())
                .collect(Collectors.toSet());
        assertThat(data.products.get(0).productId()).isEqualTo("B0001");
        assertThat(data.ratings.get(0).userId()).isEqualTo("U00001");
        assertThat(data.products).allSatisfy(p -> {
            assertThat(p.productId()).matches("B\\d{4}");
            assertThat(knownStyles).contains(p.style());
            assertThat(p.name()).contains(p.style());
        });
        assertThat(data.products.stream().map(Product::name).distinct()).hasSize(SMALL.products());
    }

    @Test
    void activityAndPopularityAreSkewed() throws IOException {
        // when
        Generated data = Generated.of(SampleSize.SAMPLE.spec());

        // then: a few heavy raters, many light ones
        long[] perUser = data.ratingsPerUser().values().stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(perUser[perUser.length / 2]).isBetween(5L, 15L);
        assertThat(perUser[perUser.length - 1]).isGreaterThanOrEqualTo(100);
        // and a head of popular beers
        long[] perProduct = data.ratings.stream().collect(Collectors.groupingBy(RawRating::productId,
                Collectors.counting())).values().stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(perProduct[perProduct.length - 1]).isGreaterThan(5 * perProduct[perProduct.length / 2]);
    }

    @Test
    void rejectsARatingTargetNoUsersCouldReach() {
        assertThatThrownBy(() -> SampleDataSpec.of(10, 10, 19, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratings must be between 20");
        assertThatThrownBy(() -> SampleDataSpec.of(10, 10, 51, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("and 50");
    }

    /** Everything a spec generates, collected in memory: fine for test sizes. */
    record Generated(List<Product> products, List<RawRating> ratings) {

        static Generated of(SampleDataSpec spec) throws IOException {
            List<Product> products = new ArrayList<>();
            List<RawRating> ratings = new ArrayList<>();
            new SampleDataGenerator(spec).generate(products::add, ratings::add);
            return new Generated(products, ratings);
        }

        Map<String, Long> ratingsPerUser() {
            Map<String, Long> counts = new HashMap<>();
            ratings.forEach(r -> counts.merge(r.userId(), 1L, Long::sum));
            return counts;
        }
    }
}
