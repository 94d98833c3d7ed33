package com.beershop.reco.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The two years of ratings before {@link SampleDataGenerator#REFERENCE_TIME}, as seconds from the window's start:
 * the generator draws times as such seconds and turns them into dates here.
 */
final class RatingWindow {

    static final long SECONDS = 730L * 24 * 3600;
    static final long START_EPOCH_SECOND = SampleDataGenerator.REFERENCE_TIME.toEpochSecond(ZoneOffset.UTC) - SECONDS;

    private static final long DAY_SECONDS = 24L * 3600;
    /** By day of the window: its day of the year, looked up for millions of ratings. */
    private static final int[] DAY_OF_YEAR = new int[(int) (SECONDS / DAY_SECONDS)];

    static {
        long firstDay = Math.floorDiv(START_EPOCH_SECOND, DAY_SECONDS);
        for (int day = 0; day < DAY_OF_YEAR.length; day++) {
            DAY_OF_YEAR[day] = LocalDate.ofEpochDay(firstDay + day).getDayOfYear();
        }
    }

    private RatingWindow() {
    }

    /** The day of the year (1 to 366) of {@code second}, 0 to {@link #SECONDS} (exclusive). */
    static int dayOfYear(long second) {
        return DAY_OF_YEAR[(int) (second / DAY_SECONDS)];
    }

    static LocalDateTime dateTime(long second) {
        return LocalDateTime.ofEpochSecond(START_EPOCH_SECOND + second, 0, ZoneOffset.UTC);
    }
}
