package com.beershop.reco.scoring;

import com.beershop.reco.model.FactorModel;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.Workers;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationScorerTest {

    private static final Workers ONE_THREAD = Workers.of(1);
    private static final Workers TWO_THREADS = Workers.of(2);

    @AfterAll
    static void stopWorkers() {
        ONE_THREAD.close();
        TWO_THREADS.close();
    }

    // 1 factor: item scores 5, 4, 3, 2, 1 for every user, so the ranked list is plain to compute by hand
    private static final FactorModel DESCENDING = FactorModel.of(1,
            new float[]{1, 1, 1}, new float[]{5, 4, 3, 2, 1});

    @Test
    void shouldRankUnratedAllowedItemsBestFirst() {
        InteractionMatrix ratings = matrix(new int[][]{{0, 3}, {1, 2}, {0, 1}});
        boolean[] allowed = {true, true, true, true, false};

        RecommendationLists lists = new RecommendationScorer(2, 1, TWO_THREADS).scoreAll(DESCENDING, ratings, allowed);

        // user 0 rated items 0 and 3: best remaining allowed are 1 then 2
        assertThat(list(lists, 0)).containsExactly(1, 2);
        // user 1 rated 1 and 2
        assertThat(list(lists, 1)).containsExactly(0, 3);
        // user 2 rated 0 and 1; item 4 is not allowed
        assertThat(list(lists, 2)).containsExactly(2, 3);
        assertThat(lists.totalRows()).isEqualTo(6);
    }

    @Test
    void shouldGiveUsersWithTooFewRatingsTheMostPopularItemsTheyHaveNotRated() {
        // item 4 is rated by everyone else, item 3 by two users: popularity order 4, 3, ...
        InteractionMatrix ratings = matrix(new int[][]{{4, 3}, {4, 3}, {4}, {0}});
        boolean[] allowed = {true, true, true, true, true};

        RecommendationLists lists = new RecommendationScorer(2, 2, ONE_THREAD).scoreAll(DESCENDING, ratings, allowed);

        assertThat(lists.isFallback(2)).isTrue();
        assertThat(list(lists, 2)).containsExactly(3, 0);
        assertThat(lists.isFallback(3)).isTrue();
        assertThat(list(lists, 3)).containsExactly(4, 3);
        assertThat(lists.isFallback(0)).isFalse();
        assertThat(list(lists, 0)).containsExactly(0, 1);
    }

    @Test
    void shouldGiveUsersWithNoFiniteScoreTheFallbackAndCountTheShareOverTheUsersTheModelScored() {
        // item 4 is rated by everyone else, item 3 by two users: popularity order 4, 3, ...; user 3 has too few
        InteractionMatrix ratings = matrix(new int[][]{{4, 3}, {4, 3}, {4, 0}, {0}});
        // user 1's scores are all NaN, user 2's hold one +Infinity
        com.beershop.reco.model.TrainedModel diverged = (user, scores) -> {
            DESCENDING.scoreUser(user, scores);
            if (user == 1) {
                java.util.Arrays.fill(scores, Float.NaN);
            } else if (user == 2) {
                scores[1] = Float.POSITIVE_INFINITY;
            }
        };

        RecommendationLists lists = new RecommendationScorer(2, 2, ONE_THREAD).scoreAll(diverged, ratings, null);

        assertThat(list(lists, 1)).as("the most-popular fallback, not nothing").containsExactly(0, 1);
        assertThat(list(lists, 2)).as("the infinite score left out").containsExactly(2, 3);
        assertThat(lists.usersServed()).isEqualTo(4);
        assertThat(lists.nonFiniteUsers()).isEqualTo(2);
        assertThat(lists.nonFiniteFallbackUsers()).isEqualTo(1);
        assertThat(lists.fallbackUsers()).as("too few ratings only").isEqualTo(1);
        assertThat(lists.modelUsers()).as("the base of the non-finite share").isEqualTo(3);
    }

    @Test
    void shouldGiveEveryUserTheFallbackWhenAModelThatScoresEveryoneAlikeGivesNoFiniteScore() {
        // item 4 is rated by everyone else, item 3 by two users: popularity order 4, 3, ...
        InteractionMatrix ratings = matrix(new int[][]{{4, 3}, {4, 3}, {4, 0}});
        com.beershop.reco.model.TrainedModel divergedForEveryone = new com.beershop.reco.model.TrainedModel() {
            @Override
            public void scoreUser(int user, float[] scores) {
                java.util.Arrays.fill(scores, Float.NaN);
            }

            @Override
            public boolean sameScoresForEveryUser() {
                return true;
            }
        };

        RecommendationLists lists = new RecommendationScorer(2, 2, ONE_THREAD).scoreAll(divergedForEveryone, ratings,
                null);

        assertThat(list(lists, 0)).as("the most-popular fallback, not nothing").containsExactly(0, 1);
        assertThat(list(lists, 2)).containsExactly(3, 1);
        assertThat(lists.usersServed()).isEqualTo(3);
        assertThat(lists.nonFiniteUsers()).isEqualTo(3);
        assertThat(lists.nonFiniteFallbackUsers()).isEqualTo(3);
    }

    @Test
    void shouldMeasureHowFarThePublishedModelsListsAgreeWithTheJudgedModels() {
        InteractionMatrix ratings = matrix(new int[][]{{0}, {1}, {2}, {3}});
        RecommendationScorer scorer = new RecommendationScorer(2, 1, TWO_THREADS);
        FactorModel descending = FactorModel.of(1, new float[]{1, 1, 1, 1}, new float[]{5, 4, 3, 2, 1});
        RecommendationLists lists = scorer.scoreAll(descending, ratings, null);
        // the reverse order: lists of the two lowest items instead of the two highest
        FactorModel ascending = FactorModel.of(1, new float[]{1, 1, 1, 1}, new float[]{1, 2, 3, 4, 5});

        ModelAgreement same = scorer.measureAgreement(lists, descending, descending, ScoringInput.of(ratings), 42);
        ModelAgreement reversed = scorer.measureAgreement(lists, ascending, descending, ScoringInput.of(ratings), 42);

        assertThat(same.sampledUsers()).isEqualTo(4);
        assertThat(same.meanJaccard()).isEqualTo(1.0);
        assertThat(same.coverageRatio()).isEqualTo(1.0);
        assertThat(same.publishedFiniteShare()).isEqualTo(1.0);
        // published {3,4} {3,4} {3,4} {2,4} against judged {1,2} {0,2} {0,1} {0,1}: nothing in common
        assertThat(reversed.meanJaccard()).isZero();
        assertThat(reversed.publishedItems()).isEqualTo(3);
        assertThat(reversed.judgedItems()).isEqualTo(3);
        assertThat(lists.agreement()).isSameAs(reversed);
    }

    @Test
    void shouldReturnFewerThanNWhenTooFewCandidatesRemain() {
        InteractionMatrix ratings = matrix(new int[][]{{0, 1, 2, 3}});

        RecommendationLists lists = new RecommendationScorer(3, 1, ONE_THREAD)
                .scoreAll(FactorModel.of(1, new float[]{1}, new float[]{5, 4, 3, 2, 1}), ratings, null);

        assertThat(lists.count(0)).isEqualTo(1);
        assertThat(lists.item(0, 0)).isEqualTo(4);
    }

    @Test
    void shouldGiveTheSameListsWhateverTheThreadCount() {
        // given: 3,000 users (a dozen blocks) with random factors and ratings, some users on the fallback
        SplittableRandom random = new SplittableRandom(7);
        int users = 3_000;
        int items = 200;
        int k = 4;
        float[] userFactors = new float[users * k];
        float[] itemFactors = new float[items * k];
        for (int i = 0; i < userFactors.length; i++) {
            userFactors[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < itemFactors.length; i++) {
            itemFactors[i] = (float) random.nextGaussian();
        }
        FactorModel model = FactorModel.of(k, userFactors, itemFactors);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < users; user++) {
            for (int r = random.nextInt(6); r > 0; r--) {
                builder.add(user, random.nextInt(items), 4f, 0);
            }
        }
        InteractionMatrix ratings = builder.build(users, items);
        boolean[] allowed = new boolean[items];
        for (int item = 0; item < items; item++) {
            allowed[item] = item % 7 != 0;
        }

        // when
        RecommendationLists one = new RecommendationScorer(10, 2, ONE_THREAD).scoreAll(model, ratings, allowed);
        RecommendationLists four;
        try (Workers fourThreads = Workers.of(4)) {
            four = new RecommendationScorer(10, 2, fourThreads).scoreAll(model, ratings, allowed);
        }

        // then
        assertThat(four.totalRows()).isEqualTo(one.totalRows()).isEqualTo(users * 10L);
        for (int user = 0; user < users; user++) {
            assertThat(list(four, user)).as("user %d", user).containsExactly(list(one, user));
            assertThat(four.isFallback(user)).isEqualTo(one.isFallback(user));
        }
    }

    @Test
    void shouldScoreAModelThatGivesEveryoneTheSameScoresOnceAndStillLeaveOutEachUsersOwnRatings() {
        java.util.concurrent.atomic.AtomicInteger scored = new java.util.concurrent.atomic.AtomicInteger();
        com.beershop.reco.model.TrainedModel sameForAll = new com.beershop.reco.model.TrainedModel() {
            @Override
            public void scoreUser(int user, float[] scores) {
                scored.incrementAndGet();
                DESCENDING.scoreUser(0, scores);
            }

            @Override
            public boolean sameScoresForEveryUser() {
                return true;
            }
        };
        InteractionMatrix ratings = matrix(new int[][]{{0, 3}, {1, 2}, {0, 1}});
        boolean[] allowed = {true, true, true, true, false};

        RecommendationLists lists = new RecommendationScorer(2, 1, TWO_THREADS).scoreAll(sameForAll, ratings, allowed);

        assertThat(list(lists, 0)).containsExactly(1, 2);
        assertThat(list(lists, 1)).containsExactly(0, 3);
        assertThat(list(lists, 2)).containsExactly(2, 3);
        assertThat(scored.get()).as("one vector ranked once, not one per user").isEqualTo(1);
    }

    @Test
    void shouldRefuseAStyleReRankWithoutStylesBeforeScoringAnyone() {
        java.util.concurrent.atomic.AtomicInteger scored = new java.util.concurrent.atomic.AtomicInteger();
        com.beershop.reco.model.TrainedModel counting = (user, scores) -> {
            scored.incrementAndGet();
            DESCENDING.scoreUser(user, scores);
        };
        RecommendationScorer reRanking = new RecommendationScorer(new ListPolicy(2, 0.5), 0, ONE_THREAD);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reRanking.scoreAll(counting,
                matrix(new int[][]{{0}}), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(scored.get()).isZero();
    }

    @Test
    void shouldReportProgressEveryFiftyThousandUsersAndWarnOnlyAboutNonFiniteScores() {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(RecommendationScorer.class);
        ch.qos.logback.classic.Level level = log.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        log.addAppender(lines);
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            // 102,400 users who rated nothing, two items: 400 full blocks of 256 users, in whatever order
            InteractionMatrix nobodyRated = new InteractionMatrix(102_400, 2, new int[102_401], new int[0],
                    new float[0]);
            new RecommendationScorer(1, 0, ONE_THREAD).scoreAll((user, scores) -> {
                scores[0] = 1;
                scores[1] = 0;
            }, nobodyRated, null);

            List<String> messages = lines.list.stream().map(e -> e.getFormattedMessage()).toList();
            assertThat(messages).hasSize(3);
            assertThat(messages.get(0)).startsWith("Scored 50176/102400 users (");
            assertThat(messages.get(1)).startsWith("Scored 100096/102400 users (");
            java.util.regex.Matcher done = java.util.regex.Pattern
                    .compile("Scored 102400 users in (\\d+\\.\\d\\d) s on .*").matcher(messages.get(2));
            assertThat(done.matches()).as(messages.get(2)).isTrue();
            assertThat(Double.parseDouble(done.group(1))).isBetween(0.0, 60.0);

            lines.list.clear();
            InteractionMatrix ratings = matrix(new int[][]{{4, 3}, {4, 3}, {4, 0}, {0}});
            com.beershop.reco.model.TrainedModel oneNaN = (user, scores) -> {
                DESCENDING.scoreUser(user, scores);
                if (user == 1) {
                    scores[2] = Float.NaN;
                }
            };
            new RecommendationScorer(2, 2, ONE_THREAD).scoreAll(oneNaN, ratings, null);
            assertThat(lines.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .extracting(e -> e.getFormattedMessage()).containsExactly("The model gave NaN or infinite scores"
                            + " for 1 of 3 users it scored; those scores were left out of their lists, and the 0 users"
                            + " with no finite score got the most-popular fallback");
            lines.list.clear();
            new RecommendationScorer(2, 2, ONE_THREAD).scoreAll(DESCENDING, ratings, null);
            assertThat(lines.list).noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN);
        } finally {
            log.setLevel(level);
            log.detachAppender(lines);
        }
    }

    private static int[] list(RecommendationLists lists, int user) {
        int[] items = new int[lists.count(user)];
        for (int rank = 0; rank < items.length; rank++) {
            items[rank] = lists.item(user, rank);
        }
        return items;
    }

    private static InteractionMatrix matrix(int[][] rows) {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < rows.length; user++) {
            for (int item : rows[user]) {
                builder.add(user, item, 4f, 0);
            }
        }
        return builder.build(rows.length, 5);
    }
}
