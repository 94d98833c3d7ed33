package com.beershop.reco.online;

import java.time.LocalDateTime;

/**
 * The online readout of one published generation's lists for one arm: of the users who had a list in that
 * generation and rated anything in its window, how many rated at least one product of their list's first N
 * (hit rate at N), and how many of the N places were rated (precision at N), each with its 95 % Wilson interval.
 *
 * @param generation    the run id that staged the generation
 * @param arm           {@code model} or {@code control}
 * @param from          the window's start: when the generation went live (the end of the run that put it live)
 * @param to            the window's end: when the next generation replaced it, or when the readout ran
 * @param listedUsers   users of the arm with a list in the generation
 * @param users         those among them who rated at least one product in the window
 * @param usersWithHits those among them who rated a product on their list
 * @param hits          (user, product) pairs rated in the window that were on the user's list
 * @param topN          N: the places of a list that count
 * @param hitRate       usersWithHits / users; null without users
 * @param precision     hits / (users * N); null without users
 */
public record ArmFigures(long generation, String arm, LocalDateTime from, LocalDateTime to, long listedUsers, long users,
                         long usersWithHits, long hits, int topN, Double hitRate, Double hitRateLow,
                         Double hitRateHigh, Double precision, Double precisionLow, Double precisionHigh) {

    /** The figures that follow from the counts, intervals included. */
    public static ArmFigures of(long generation, String arm, LocalDateTime from, LocalDateTime to, long listedUsers,
                                long users, long usersWithHits, long hits, int topN) {
        Wilson.Interval hitInterval = Wilson.of(usersWithHits, users);
        Wilson.Interval precisionInterval = Wilson.of(hits, users * topN);
        return new ArmFigures(generation, arm, from, to, listedUsers, users, usersWithHits, hits, topN,
                users == 0 ? null : usersWithHits / (double) users,
                hitInterval == null ? null : hitInterval.low(), hitInterval == null ? null : hitInterval.high(),
                users == 0 ? null : hits / (double) (users * topN),
                precisionInterval == null ? null : precisionInterval.low(),
                precisionInterval == null ? null : precisionInterval.high());
    }
}
