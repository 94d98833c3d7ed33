package com.beershop.reco.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.model.FactorModel;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.Matrices;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Workers;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The published model's lists against the judged model's, on a seeded sample of the users the model scores. */
class ModelAgreementTest {

    private static final Workers TWO_THREADS = Workers.of(2);
    // items 0..4: item 0 best for everyone
    private static final FactorModel DESCENDING = FactorModel.of(1, new float[] {1, 1, 1}, new float[] {5, 4, 3, 2, 1});
    private static final InteractionMatrix NOTHING_RATED = Matrices.binary(5, new int[] {}, new int[] {}, new int[] {});

    @AfterAll
    static void stopWorkers() {
        TWO_THREADS.close();
    }

    @Test
    void shouldMeasureThePartialOverlapOfTwoListsAsTheirJaccardIndex() {
        // published {0, 1}, judged {1, 2}: one item in common of three
        TrainedModel shifted = (user, scores) -> {
            DESCENDING.scoreUser(user, scores);
            scores[0] = 0;
        };

        ModelAgreement agreement = measure(new RecommendationScorer(2, 0, TWO_THREADS), DESCENDING, shifted,
                NOTHING_RATED, null);

        assertThat(agreement.sampledUsers()).isEqualTo(3);
        assertThat(agreement.meanJaccard()).isEqualTo(1 / 3.0);
        assertThat(agreement.publishedItems()).isEqualTo(2);
        assertThat(agreement.judgedItems()).isEqualTo(2);
        assertThat(agreement.coverageRatio()).isEqualTo(1.0);
    }

    @Test
    void shouldCountTwoEmptyListsAsAgreeingAndAnEmptyListAgainstAFullOneAsNot() {
        boolean[] nothingRecommendable = new boolean[5];
        TrainedModel nothingFinite = (user, scores) -> Arrays.fill(scores, Float.NaN);
        RecommendationScorer scorer = new RecommendationScorer(2, 0, TWO_THREADS);

        ModelAgreement bothEmpty = measure(scorer, DESCENDING, DESCENDING, NOTHING_RATED, nothingRecommendable);
        ModelAgreement oneEmpty = measure(scorer, nothingFinite, DESCENDING, NOTHING_RATED, null);

        assertThat(bothEmpty.meanJaccard()).isEqualTo(1.0);
        assertThat(bothEmpty.judgedItems()).isZero();
        assertThat(bothEmpty.coverageRatio()).as("nothing to cover").isEqualTo(1.0);
        assertThat(oneEmpty.meanJaccard()).isZero();
        assertThat(oneEmpty.publishedItems()).isZero();
        assertThat(oneEmpty.judgedItems()).isEqualTo(2);
        assertThat(oneEmpty.coverageRatio()).isZero();
    }

    @Test
    void shouldTellTheShareOfUsersWhoseScoresAreAllFiniteForEachModel() {
        // user 1's published scores hold a NaN; the judged model's are all finite
        TrainedModel oneNaN = (user, scores) -> {
            DESCENDING.scoreUser(user, scores);
            if (user == 1) {
                scores[4] = Float.NaN;
            }
        };

        ModelAgreement agreement = measure(new RecommendationScorer(2, 0, TWO_THREADS), oneNaN, DESCENDING,
                NOTHING_RATED, null);

        assertThat(agreement.publishedFiniteShare()).isEqualTo(2 / 3.0);
        assertThat(agreement.judgedFiniteShare()).isEqualTo(1.0);
        assertThat(agreement.meanJaccard()).as("the NaN was never in a list").isEqualTo(1.0);
    }

    @Test
    void shouldAgreeFullyWhenNoUserHasEnoughRatingsToBeScoredByTheModel() {
        ModelAgreement agreement = measure(new RecommendationScorer(2, 1, TWO_THREADS), DESCENDING,
                (user, scores) -> Arrays.fill(scores, Float.NaN), NOTHING_RATED, null);

        assertThat(agreement.sampledUsers()).isZero();
        assertThat(agreement.meanJaccard()).isEqualTo(1.0);
        assertThat(agreement.publishedFiniteShare()).isEqualTo(1.0);
        assertThat(agreement.judgedFiniteShare()).isEqualTo(1.0);
    }

    @Test
    void shouldSampleAtMostAThousandUsersAndOnlyThoseTheModelScores() {
        // 3,000 users: two in three rated two items (scored by the model), one in three rated one (the fallback's);
        // the judged model disagrees with the published one only for the fallback's users
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < 3_000; user++) {
            builder.add(user, 0, 1f, Long.MIN_VALUE);
            if (user % 3 != 0) {
                builder.add(user, 1, 1f, Long.MIN_VALUE);
            }
        }
        InteractionMatrix ratings = builder.build(3_000, 40);
        TrainedModel ascending = (user, scores) -> {
            for (int item = 0; item < scores.length; item++) {
                scores[item] = user % 3 == 0 ? item : -item;
            }
        };
        TrainedModel descending = (user, scores) -> {
            for (int item = 0; item < scores.length; item++) {
                scores[item] = -item;
            }
        };
        RecommendationScorer scorer = new RecommendationScorer(5, 2, TWO_THREADS);

        ModelAgreement agreement = measure(scorer, descending, ascending, ratings, null);
        ModelAgreement again = measure(scorer, descending, ascending, ratings, null);

        assertThat(agreement.sampledUsers()).isBetween(900, RecommendationScorer.AGREEMENT_SAMPLE_USERS);
        assertThat(agreement.meanJaccard()).isEqualTo(1.0);
        assertThat(again).isEqualTo(agreement);
    }

    @Test
    void shouldSpreadTheSampleOverAllUsersRatherThanTakeTheFirstThousand() {
        // 3,000 users with two ratings each; the judged model disagrees for the last third only
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < 3_000; user++) {
            builder.add(user, 0, 1f, Long.MIN_VALUE);
            builder.add(user, 1, 1f, Long.MIN_VALUE);
        }
        InteractionMatrix ratings = builder.build(3_000, 40);
        TrainedModel descending = (user, scores) -> {
            for (int item = 0; item < scores.length; item++) {
                scores[item] = -item;
            }
        };
        TrainedModel lastThirdReversed = (user, scores) -> {
            for (int item = 0; item < scores.length; item++) {
                scores[item] = user >= 2_000 ? item : -item;
            }
        };

        ModelAgreement agreement = measure(new RecommendationScorer(5, 2, TWO_THREADS), descending, lastThirdReversed,
                ratings, null);

        // about a third of the sample disagrees completely
        assertThat(agreement.sampledUsers()).isBetween(950, 1_000);
        assertThat(agreement.meanJaccard()).isBetween(0.6, 0.74);
    }

    private static ModelAgreement measure(RecommendationScorer scorer, TrainedModel published, TrainedModel judged,
                                          InteractionMatrix ratings, boolean[] recommendable) {
        RecommendationLists lists = scorer.scoreAll(published, ratings, recommendable);
        return scorer.measureAgreement(lists, published, judged, ScoringInput.of(ratings, recommendable, null), 11);
    }
}
