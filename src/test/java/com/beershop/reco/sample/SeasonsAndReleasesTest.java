package com.beershop.reco.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.ingest.Product;
import com.beershop.reco.ingest.RawRating;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed sample's time has a trend to find (issue 20): styles rise and fall over the year, and new releases
 * take off. Measured on the generator's output for the committed sample's spec, which {@link CommittedSampleDataTest}
 * proves equal to {@code sample-data/}, byte for byte.
 */
class SeasonsAndReleasesTest {

    private static final LocalDateTime END = SampleDataGenerator.REFERENCE_TIME;
    private static final Duration FOUR_WEEKS = Duration.ofDays(28);
    private static final Duration EIGHT_WEEKS = Duration.ofDays(56);

    private static List<RawRating> ratings;
    private static Map<String, Product> products;
    private static Map<String, LocalDateTime> releases;
    private static Map<String, StyleFamily> familyOfStyle;

    @BeforeAll
    static void generateTheCommittedSample() throws IOException {
        SampleDataGenerator generator = new SampleDataGenerator(SampleSize.SAMPLE.spec());
        List<Product> productRows = new ArrayList<>();
        ratings = new ArrayList<>();
        generator.generate(productRows::add, ratings::add);
        products = productRows.stream().collect(Collectors.toMap(Product::productId, Function.identity()));
        releases = generator.releaseDates();
        familyOfStyle = new HashMap<>();
        Arrays.stream(StyleFamily.values()).forEach(f -> f.styles.forEach(style -> familyOfStyle.put(style, f)));
    }

    @Test
    void noProductIsRatedBeforeItsRelease() {
        assertThat(releases).hasSizeGreaterThan(50);
        assertThat(ratings).filteredOn(r -> releases.containsKey(r.productId()))
                .hasSizeGreaterThan(10_000)
                .allSatisfy(r -> assertThat(r.ratedAt()).isAfterOrEqualTo(releases.get(r.productId())));
    }

    @Test
    void releasesAreActiveProductsThatCameOutInTheRatingWindow() {
        assertThat(releases).allSatisfy((id, releasedAt) -> {
            assertThat(products.get(id).active()).as("%s is still sold", id).isTrue();
            assertThat(releasedAt).isBetween(END.minusDays(730), END);
        });
    }

    @Test
    void everyStyleFamilyIsRatedMostInItsSeason() {
        for (StyleFamily family : StyleFamily.values()) {
            StyleSeason season = StyleSeason.of(family);
            Predicate<RawRating> inSeason = r -> season.inPeakSeason(r.ratedAt().toLocalDate());
            Predicate<RawRating> halfAYearAway = r -> season.inPeakSeason(r.ratedAt().toLocalDate().plusDays(182));
            Predicate<RawRating> ofFamily = r -> familyOf(r) == family;

            // the family's own ratings gather in its season more than the rest of the shop's do ...
            double lift = share(inSeason, ofFamily) / share(inSeason, ofFamily.negate());
            assertThat(lift).as("%s (%s): share of its ratings in season against the other families'", family,
                    season).isGreaterThan(1.25);
            // ... and it takes a larger part of what the shop rates in its season than half a year away
            double inSeasonShare = share(ofFamily, inSeason);
            double outOfSeasonShare = share(ofFamily, halfAYearAway);
            assertThat(inSeasonShare).as("%s (%s): share of the ratings in season against half a year away",
                    family, season).isGreaterThan(1.4 * outOfSeasonShare);
        }
    }

    @Test
    void newReleasesTakeOffInTheWeeksAfterTheirRelease() {
        // given: the releases of the last half year that have been out at least eight weeks
        Map<String, Long> perRelease = countBy(r -> releases.containsKey(r.productId()));
        Map<String, Long> inFirstEightWeeks = countBy(r -> releases.containsKey(r.productId())
                && r.ratedAt().isBefore(releases.get(r.productId()).plus(EIGHT_WEEKS)));
        List<String> halfYear = releases.entrySet().stream()
                .filter(e -> e.getValue().isAfter(END.minusWeeks(26)) && e.getValue().isBefore(END.minus(EIGHT_WEEKS)))
                .map(Map.Entry::getKey).toList();
        assertThat(halfYear).hasSizeGreaterThan(20);

        // then: nearly all of them got most of their ratings in those eight weeks
        long tookOff = halfYear.stream()
                .filter(id -> inFirstEightWeeks.getOrDefault(id, 0L) > perRelease.get(id) / 2).count();
        assertThat(tookOff).as("of %d releases", halfYear.size()).isGreaterThanOrEqualTo(halfYear.size() * 3L / 4);

        // and over every release, the first four weeks hold far more than an even spread over its time would give
        Map<String, Long> inFirstFourWeeks = countBy(r -> releases.containsKey(r.productId())
                && r.ratedAt().isBefore(releases.get(r.productId()).plus(FOUR_WEEKS)));
        double all = perRelease.values().stream().mapToLong(Long::longValue).sum();
        double actual = inFirstFourWeeks.values().stream().mapToLong(Long::longValue).sum() / all;
        double evenSpread = perRelease.entrySet().stream().mapToDouble(e -> e.getValue() * Math.min(1,
                FOUR_WEEKS.toSeconds() / (double) Duration.between(releases.get(e.getKey()), END).toSeconds())).sum() / all;
        assertThat(actual).isGreaterThan(1.25 * evenSpread);
    }

    @Test
    void releasesOfTheLastFourWeeksDrawAMarkedShareOfItsRatings() {
        LocalDateTime windowStart = END.minus(FOUR_WEEKS);
        List<String> latest = releases.entrySet().stream().filter(e -> !e.getValue().isBefore(windowStart))
                .map(Map.Entry::getKey).toList();
        List<RawRating> lastFourWeeks = ratings.stream().filter(r -> !r.ratedAt().isBefore(windowStart)).toList();

        long ofLatest = lastFourWeeks.stream().filter(r -> latest.contains(r.productId())).count();

        assertThat(latest).hasSizeGreaterThanOrEqualTo(8);
        assertThat(ofLatest).isGreaterThan(lastFourWeeks.size() / 5);
    }

    private static StyleFamily familyOf(RawRating rating) {
        return familyOfStyle.get(products.get(rating.productId()).style());
    }

    /** The share of the ratings matching {@code among} that also match {@code which}. */
    private static double share(Predicate<RawRating> which, Predicate<RawRating> among) {
        long of = ratings.stream().filter(among).count();
        return ratings.stream().filter(among.and(which)).count() / (double) of;
    }

    private static Map<String, Long> countBy(Predicate<RawRating> which) {
        return ratings.stream().filter(which).collect(Collectors.groupingBy(RawRating::productId,
                Collectors.counting()));
    }
}
