package com.beershop.reco.model.librec;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.FactorModel;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LibrecTrainerTest {

    private static final long SEED = 42L;
    private static final int USERS = 20;
    private static final int ITEMS = 10;

    /**
     * Two disjoint taste groups: users 0-9 rate only items 0-4, users 10-19 only items 5-9. User u leaves out
     * item u % 5 of their own group, so every user has one unrated item of their own taste.
     */
    private static InteractionMatrix twoTasteGroups() {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < USERS; user++) {
            int firstItem = user < USERS / 2 ? 0 : ITEMS / 2;
            for (int j = 0; j < ITEMS / 2; j++) {
                if (j == user % 5) {
                    continue;
                }
                builder.add(user, firstItem + j, 3 + (user + j) % 3, Long.MIN_VALUE);
            }
        }
        return builder.build(USERS, ITEMS);
    }

    private static LibrecTrainer trainer(String name) {
        return LibrecTrainer.fromSpec(AlgorithmSpec.of(name, Map.of()));
    }

    private static float[][] allScores(TrainedModel model) {
        float[][] scores = new float[USERS][ITEMS];
        for (int user = 0; user < USERS; user++) {
            model.scoreUser(user, scores[user]);
        }
        return scores;
    }

    @ParameterizedTest
    @ValueSource(strings = {"librec-mostpopular", "librec-biasedmf", "librec-bpr", "librec-eals", "librec-wrmf"})
    void trainingTwiceWithTheSameSeedGivesIdenticalScores(String algorithm) {
        // given
        InteractionMatrix ratings = twoTasteGroups();

        // when
        float[][] first = allScores(trainer(algorithm).train(ratings, SEED));
        float[][] second = allScores(trainer(algorithm).train(ratings, SEED));

        // then
        assertThat(second).isDeepEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"librec-biasedmf", "librec-bpr", "librec-eals", "librec-wrmf"})
    void aDifferentSeedGivesDifferentScores(String algorithm) {
        // given
        InteractionMatrix ratings = twoTasteGroups();

        // when
        float[][] first = allScores(trainer(algorithm).train(ratings, SEED));
        float[][] other = allScores(trainer(algorithm).train(ratings, SEED + 1));

        // then: the seed reaches LibRec's random initialisation at all
        assertThat(other).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"librec-mostpopular", "librec-biasedmf", "librec-bpr", "librec-eals", "librec-wrmf"})
    void ourModelScoresEveryPairAsLibrecsOwnPredictDoes(String algorithm) {
        // given
        LibrecTrainer.NativeRun run = trainer(algorithm).trainNative(twoTasteGroups(), SEED, 0);

        // when
        float[][] ours = allScores(run.model());

        // then: equal up to float rounding, since we keep LibRec's double factors as floats
        for (int user = 0; user < USERS; user++) {
            for (int item = 0; item < ITEMS; item++) {
                double librec = run.librecPredict(user, item);
                assertThat((double) ours[user][item])
                        .as("%s user %d item %d", algorithm, user, item)
                        .isCloseTo(librec, within(1e-5 * Math.max(1.0, Math.abs(librec))));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"librec-bpr", "librec-eals", "librec-wrmf"})
    void implicitMethodsRankTheUnratedItemOfTheUsersOwnGroupAboveTheOtherGroup(String algorithm) {
        // given: two factors, one per taste. With the default 32 factors on 10 items, least squares (eALS) can
        // reproduce every zero exactly, so the unrated item scores near zero like the other group's items.
        TrainedModel model = LibrecTrainer.fromSpec(AlgorithmSpec.of(algorithm, Map.of("factors", "2")))
                .train(twoTasteGroups(), SEED);
        float[] scores = new float[ITEMS];

        for (int user = 0; user < USERS; user++) {
            // when
            model.scoreUser(user, scores);

            // then
            boolean groupA = user < USERS / 2;
            int unratedOwnItem = (groupA ? 0 : ITEMS / 2) + user % 5;
            int otherFirst = groupA ? ITEMS / 2 : 0;
            for (int other = otherFirst; other < otherFirst + ITEMS / 2; other++) {
                assertThat(scores[unratedOwnItem])
                        .as("%s user %d: own item %d vs other group's item %d", algorithm, user, unratedOwnItem, other)
                        .isGreaterThan(scores[other]);
            }
        }
    }

    @Test
    void mostPopularScoresEachItemByItsNumberOfRatings() {
        // given
        InteractionMatrix ratings = twoTasteGroups();

        // when
        float[] scores = new float[ITEMS];
        trainer("librec-mostpopular").train(ratings, SEED).scoreUser(3, scores);

        // then: each item is left out by exactly two of its group's ten users
        assertThat(scores).containsOnly(8f);
    }

    @Test
    void biasedMfPredictsRatingsAndTheRankingMethodsDoNot() {
        // given
        InteractionMatrix ratings = twoTasteGroups();

        // when
        TrainedModel biased = trainer("librec-biasedmf").train(ratings, SEED);
        TrainedModel wrmf = trainer("librec-wrmf").train(ratings, SEED);

        // then
        assertThat(biased.predictsRatings()).isTrue();
        assertThat(wrmf.predictsRatings()).isFalse();
    }

    @Test
    void theFactorsParameterSetsTheNumberOfLatentFactors() {
        // given
        LibrecTrainer trainer = LibrecTrainer.fromSpec(
                AlgorithmSpec.of("librec-wrmf", Map.of("factors", "4", "iterations", "3", "reg", "0.1", "alpha", "2")));

        // when
        TrainedModel model = trainer.train(twoTasteGroups(), SEED);

        // then
        assertThat(model).isInstanceOf(FactorModel.class);
        assertThat(((FactorModel) model).factors()).isEqualTo(4);
        assertThat(((FactorModel) model).numItems()).isEqualTo(ITEMS);
    }

    @Test
    void anUnknownAlgorithmNameIsRejectedNamingIt() {
        assertThatThrownBy(() -> trainer("librec-nosuch"))
                .isInstanceOf(InvalidAlgorithmSpecException.class)
                .hasMessageContaining("librec-nosuch")
                .hasMessageContaining("librec-wrmf");
    }

    @Test
    void anUnknownParameterIsRejectedNamingIt() {
        assertThatThrownBy(() -> LibrecTrainer.fromSpec(AlgorithmSpec.of("librec-bpr", Map.of("factros", "8"))))
                .isInstanceOf(InvalidAlgorithmSpecException.class)
                .hasMessageContaining("factros");
    }

    @Test
    void aParameterTheAlgorithmDoesNotUseIsRejected() {
        // WRMF is solved by least squares: a learning rate would be silently ignored
        assertThatThrownBy(() -> LibrecTrainer.fromSpec(AlgorithmSpec.of("librec-wrmf", Map.of("learn-rate", "0.1"))))
                .isInstanceOf(InvalidAlgorithmSpecException.class)
                .hasMessageContaining("learn-rate");
    }

    @Test
    void aNonNumericOrTooSmallValueIsRejected() {
        assertThatThrownBy(() -> LibrecTrainer.fromSpec(AlgorithmSpec.of("librec-bpr", Map.of("reg", "lots"))))
                .isInstanceOf(InvalidAlgorithmSpecException.class)
                .hasMessageContaining("reg");
        assertThatThrownBy(() -> LibrecTrainer.fromSpec(AlgorithmSpec.of("librec-bpr", Map.of("factors", "0"))))
                .isInstanceOf(InvalidAlgorithmSpecException.class)
                .hasMessageContaining("factors");
    }

    @Test
    void anEmptyRatingsMatrixIsRejectedBeforeLibrecSeesIt() {
        InteractionMatrix empty = new InteractionMatrixBuilder().build(3, 3);

        assertThatThrownBy(() -> trainer("librec-wrmf").train(empty, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void librecsOwnRankingCanBeTimedOnTheSameModel() {
        // when
        double seconds = trainer("librec-bpr").timeNativeRanking(twoTasteGroups(), SEED, 3);

        // then
        assertThat(seconds).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void librecLogsReachSlf4jUnderTheNetLibrecLoggers() {
        // given
        Logger librec = (Logger) LoggerFactory.getLogger("net.librec");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        librec.addAppender(appender);
        ch.qos.logback.classic.Level configured = librec.getLevel();
        librec.setLevel(ch.qos.logback.classic.Level.INFO); // the test logging config keeps only warnings
        try {
            // when
            trainer("librec-bpr").train(twoTasteGroups(), SEED);
        } finally {
            librec.detachAppender(appender);
            librec.setLevel(configured);
        }

        // then: BPR logs its loss once per iteration, through commons-logging and SLF4J
        assertThat(appender.list)
                .extracting(ILoggingEvent::getLoggerName)
                .contains("net.librec.recommender.cf.ranking.BPRRecommender");
        assertThat(appender.list).hasSize(20);
    }
}
