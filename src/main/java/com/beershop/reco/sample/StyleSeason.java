package com.beershop.reco.sample;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * When in the year a beer style is drunk most: a yearly peak, and how strongly ratings gather around it. The
 * rating density of a style on a day is proportional to {@link #weight(int) weight(dayOfYear)}, a cosine of the
 * distance to the peak: {@code 1 + strength} on the peak day, {@code 1 - strength} half a year away.
 *
 * <p>Each {@link StyleFamily} has its season (wheat beers and lagers in summer, malty ales in October, dark beers
 * around Christmas, ...); a few styles keep a calendar of their own against their family's, as Märzen keeps
 * Oktoberfest. Immutable; one shared instance per season.
 */
final class StyleSeason {

    /** "In season": within this many days of the peak, a quarter of the year. */
    static final int PEAK_SEASON_HALF_WIDTH_DAYS = 45;

    /** The cosine's period; a leap year's 366th day lies a quarter day past it. */
    private static final double YEAR_DAYS = 365.25;

    private static final StyleSeason OKTOBERFEST = new StyleSeason("Oktoberfest", MonthDay.of(9, 25), 0.8);
    private static final StyleSeason STARKBIERZEIT = new StyleSeason("Starkbierzeit", MonthDay.of(3, 15), 0.6);
    private static final StyleSeason FARMHOUSE_SUMMER = new StyleSeason("farmhouse summer", MonthDay.of(7, 15), 0.6);
    /** By family ordinal. */
    private static final StyleSeason[] FAMILY_SEASONS = new StyleSeason[StyleFamily.values().length];

    static {
        for (StyleFamily family : StyleFamily.values()) {
            FAMILY_SEASONS[family.ordinal()] = switch (family) {
                case HOPPY -> new StyleSeason("spring", MonthDay.of(5, 15), 0.4);
                case LAGER -> new StyleSeason("summer", MonthDay.of(7, 10), 0.7);
                case DARK -> new StyleSeason("winter", MonthDay.of(12, 25), 0.8);
                case MALTY -> new StyleSeason("autumn", MonthDay.of(10, 15), 0.6);
                case BELGIAN -> new StyleSeason("Christmas", MonthDay.of(12, 10), 0.5);
                case SOUR -> new StyleSeason("late summer", MonthDay.of(8, 1), 0.6);
                case WHEAT -> new StyleSeason("summer", MonthDay.of(6, 25), 0.8);
            };
        }
    }

    private final String name;
    private final MonthDay peak;
    private final int peakDayOfYear;
    private final double strength;
    /** By day of year (1 to 366), computed once: every rating of millions looks it up. */
    private final double[] weightByDayOfYear = new double[367];

    private StyleSeason(String name, MonthDay peak, double strength) {
        this.name = name;
        this.peak = peak;
        this.peakDayOfYear = peak.atYear(2025).getDayOfYear();
        this.strength = strength;
        for (int day = 1; day <= 366; day++) {
            // StrictMath: the committed sample must come out byte-identical on every JVM
            weightByDayOfYear[day] = 1 + strength * StrictMath.cos(2 * Math.PI * (day - peakDayOfYear) / YEAR_DAYS);
        }
    }

    /** The season of {@code style}, one of {@code family}'s styles. */
    static StyleSeason of(StyleFamily family, String style) {
        return switch (style) {
            case "Märzen" -> OKTOBERFEST;
            case "Bock", "Doppelbock" -> STARKBIERZEIT;
            case "Saison" -> FARMHOUSE_SUMMER;
            default -> of(family);
        };
    }

    /** The season of product {@code p} of {@code catalogue}. */
    static StyleSeason of(SampleCatalogue catalogue, int p) {
        return of(catalogue.family(p), catalogue.product(p).style());
    }

    /** The season of the family's styles that keep no calendar of their own. */
    static StyleSeason of(StyleFamily family) {
        return FAMILY_SEASONS[family.ordinal()];
    }

    /** The relative rating density on {@code dayOfYear} (1 to 366), from {@code 1 - strength} to {@code 1 + strength}. */
    double weight(int dayOfYear) {
        return weightByDayOfYear[dayOfYear];
    }

    /**
     * One step of rejection sampling: true with probability {@code weight(dayOfYear) / (1 + strength)}, so that
     * times proposed evenly over the year and kept when this says so are denser in season.
     */
    boolean accepts(int dayOfYear, SplittableRandom random) {
        return random.nextDouble() * (1 + strength) < weight(dayOfYear);
    }

    /** True when {@code date} lies within {@value #PEAK_SEASON_HALF_WIDTH_DAYS} days of the peak, in any year. */
    boolean inPeakSeason(LocalDate date) {
        int distance = Math.abs(date.getDayOfYear() - peakDayOfYear);
        return Math.min(distance, 365 - distance) <= PEAK_SEASON_HALF_WIDTH_DAYS;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (peak %d %s, strength %s)", name, peak.getDayOfMonth(), peak.getMonth(),
                strength);
    }
}
