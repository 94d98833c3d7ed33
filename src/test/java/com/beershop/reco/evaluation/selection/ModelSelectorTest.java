package com.beershop.reco.evaluation.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;
import com.beershop.reco.evaluation.selection.CandidateScore.Status;
import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.Matrices;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.testing.CapturedLog;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ModelSelectorTest {

    private static final Workers WORKERS = Workers.of(2);

    @AfterAll
    static void stopWorkers() {
        WORKERS.close();
    }

    private static final AlgorithmSpec POPULAR = AlgorithmSpec.parse("most-popular");
    private static final AlgorithmSpec EASE = AlgorithmSpec.parse("ease:lambda=1");

    @Test
    void shouldChooseThePersonalisedModelWhenTasteGroupsMakePopularityUseless() {
        // given two taste groups of equal size: most-popular recommends the other group's items half the time
        InteractionMatrix ratings = twoTasteGroups(60, 12, 8, 1);
        ModelSelector selector = selector(List.of("most-popular", "ease:lambda=1"), 1e12);

        // when
        SelectionResult result = selector.select(gate(ratings), ScoringInput.of(ratings), POPULAR);

        // then
        assertThat(result.chosen()).isEqualTo(EASE);
        assertThat(result.candidates()).extracting(CandidateScore::spec).containsExactly(POPULAR, EASE);
        assertThat(result.candidates()).extracting(CandidateScore::status)
                .containsExactly(Status.EVALUATED, Status.EVALUATED);
        assertThat(result.candidates().get(1).ndcg()).isGreaterThan(result.candidates().get(0).ndcg());
        assertThat(result.chosenNdcg()).isEqualTo(result.candidates().get(1).ndcg());
        assertThat(result.usersSampled()).isEqualTo(60);
        assertThat(result.ratingsUsed()).isEqualTo(gate(ratings).train().numRatings());
    }

    @Test
    void shouldKeepACostlierModelUnderTheNoiseRuleWhenItIsClearlyBetter() {
        InteractionMatrix ratings = twoTasteGroups(60, 12, 8, 1);
        ModelSelector selector = new ModelSelector(TrainerCatalog.standard(WORKERS),
                SearchSpace.parse(List.of("ease:lambda=1")), new ModelSelector.Settings(0.25, 1_000_000, 1e12, 600,
                ListPolicy.topN(4), 0, 42, 0, 1));

        SelectionResult result = selector.select(gate(ratings), ScoringInput.of(ratings), POPULAR);

        assertThat(result.candidates().get(1).workUnits()).isGreaterThan(result.candidates().get(0).workUnits());
        assertThat(result.chosen()).isEqualTo(EASE);
    }

    @Test
    void shouldChooseTheCheaperOfTwoModelsTheValidationCannotTellApart() {
        // given the same model at 30 and at 5 iterations: on 30 validation users the costlier one's lead is noise
        InteractionMatrix ratings = twoTasteGroups(60, 12, 8, 2);
        AlgorithmSpec costly = AlgorithmSpec.parse("ials:factors=4,iterations=30");
        AlgorithmSpec cheap = AlgorithmSpec.parse("ials:factors=4,iterations=5");

        // when
        SelectionResult bestOnly = selectorWithMargin(List.of("ials:factors=4,iterations=5"), 0)
                .select(gate(ratings), ScoringInput.of(ratings), costly);
        SelectionResult result;
        try (CapturedLog log = CapturedLog.of(ModelSelector.class)) {
            result = selectorWithMargin(List.of("ials:factors=4,iterations=5"), 1)
                    .select(gate(ratings), ScoringInput.of(ratings), costly);

            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("INFO Selection prefers "
                    + cheap + " (").contains("to the best, " + costly, "within 1.0000 standard error(s)"));
        }

        // then
        assertThat(result.candidates()).extracting(CandidateScore::ndcg).as("the same models, the same lists")
                .containsExactlyElementsOf(bestOnly.candidates().stream().map(CandidateScore::ndcg).toList());
        assertThat(result.candidates().get(0).ndcg()).as("the costlier validates better")
                .isGreaterThan(result.candidates().get(1).ndcg());
        assertThat(bestOnly.chosen()).as("without the rule the better stays").isEqualTo(costly);
        assertThat(result.chosen()).isEqualTo(cheap);
        assertThat(result.chosenNdcg()).isEqualTo(result.candidates().get(1).ndcg());
    }

    @Test
    void shouldRunOnlyTheFallbackWhenTheBudgetIsSpent() {
        InteractionMatrix ratings = twoTasteGroups(60, 12, 8, 1);
        ModelSelector selector = selector(List.of("ease:lambda=1", "ials:factors=2"), 0);

        SelectionResult result = selector.select(gate(ratings), ScoringInput.of(ratings), POPULAR);

        assertThat(result.chosen()).isEqualTo(POPULAR);
        assertThat(result.candidates()).extracting(CandidateScore::status)
                .containsExactly(Status.EVALUATED, Status.SKIPPED, Status.SKIPPED);
        assertThat(result.candidates().get(1).note()).startsWith("needs ").endsWith(" units, 0.00e+00 of the work budget left");
        assertThat(result.budget().unitsSpent()).as("the fallback is not charged").isZero();
    }

    @Test
    void shouldChargeEachCandidateItsUnitsAndRunACheaperOneThatStillFitsAfterACostlyOneWasSkipped() {
        InteractionMatrix ratings = twoTasteGroups(60, 12, 8, 1);
        AlgorithmSpec small = AlgorithmSpec.parse("ials:factors=2,iterations=2");
        AlgorithmSpec large = AlgorithmSpec.parse("ials:factors=32,iterations=2");
        InteractionMatrix validationTrain = HoldoutSplit.perUser(gate(ratings).train(), 0.25, 43).train();
        double smallUnits = CostModel.units(small, validationTrain);
        double largeUnits = CostModel.units(large, validationTrain);
        // room for the small one twice over, not for the large one
        ModelSelector selector = selector(List.of("ials:factors=32,iterations=2", "ials:factors=2,iterations=2"),
                2 * smallUnits);

        SelectionResult result = selector.select(gate(ratings), ScoringInput.of(ratings), POPULAR);

        assertThat(result.candidates()).extracting(CandidateScore::status)
                .containsExactly(Status.EVALUATED, Status.SKIPPED, Status.EVALUATED);
        assertThat(result.candidates()).extracting(CandidateScore::workUnits)
                .containsExactly(CostModel.units(POPULAR, validationTrain), largeUnits, smallUnits);
        assertThat(result.budget().unitsSpent()).isEqualTo(smallUnits);
        assertThat(result.budget().wallLimitHit()).isFalse();
        assertThat(result.skipped()).isEqualTo(1);
    }

    @Test
    void shouldStartNoCandidateAfterTheWallLimitAndSaySo() {
        InteractionMatrix ratings = twoTasteGroups(60, 12, 8, 1);
        ModelSelector selector = new ModelSelector(TrainerCatalog.standard(WORKERS),
                SearchSpace.parse(List.of("ease:lambda=1", "ials:factors=2")),
                new ModelSelector.Settings(0.25, 1_000_000, 1e12, 1e-9, ListPolicy.topN(4), 0, 42, 0));

        SelectionResult result = selector.select(gate(ratings), ScoringInput.of(ratings), POPULAR);

        assertThat(result.candidates()).extracting(CandidateScore::status).as("the configured model always runs")
                .containsExactly(Status.EVALUATED, Status.SKIPPED, Status.SKIPPED);
        assertThat(result.candidates().get(1).note()).isEqualTo("wall limit of 0.0000 s reached");
        assertThat(result.budget().wallLimitHit()).isTrue();
        assertThat(result.budget().unitsSpent()).isZero();
        assertThat(result.chosen()).isEqualTo(POPULAR);
    }

    @Test
    void shouldKeyTheConfigurationOnEverythingThatChoosesButTheWallLimit() {
        ModelSelector base = selector(List.of("ials:factors=2"), 1e12);
        String key = base.configurationDigest(POPULAR);

        assertThat(key).hasSize(32).isEqualTo(selector(List.of("ials:factors=2"), 1e12).configurationDigest(POPULAR));
        assertThat(new ModelSelector(TrainerCatalog.standard(WORKERS), SearchSpace.parse(List.of("ials:factors=2")),
                new ModelSelector.Settings(0.25, 1_000_000, 1e12, 5, ListPolicy.topN(4), 0, 42, 0))
                .configurationDigest(POPULAR)).as("another wall limit").isEqualTo(key);
        assertThat(base.configurationDigest(EASE)).as("another configured model").isNotEqualTo(key);
        assertThat(selector(List.of("ials:factors=3"), 1e12).configurationDigest(POPULAR)).as("another space")
                .isNotEqualTo(key);
        assertThat(selector(List.of("ials:factors=2"), 2e12).configurationDigest(POPULAR)).as("another budget")
                .isNotEqualTo(key);
        assertThat(new ModelSelector(TrainerCatalog.standard(WORKERS), SearchSpace.parse(List.of("ials:factors=2")),
                new ModelSelector.Settings(0.25, 1_000_000, 1e12, 600, ListPolicy.topN(4), 0, 42, 0),
                com.beershop.reco.evaluation.SplitKind.RECENT, com.beershop.reco.evaluation.RecentWindow.DEFAULT)
                .configurationDigest(POPULAR)).as("another validation split").isNotEqualTo(key);
        assertThat(base.configurationKey(POPULAR)).contains("fallback=most-popular{}", "space=[ials{factors=2}]",
                "validation=RANDOM");
    }

    @Test
    void shouldTellATrainableRecordedChoiceFromOneThisBuildDoesNotKnow() {
        ModelSelector selector = selector(List.of("most-popular"), 1e12);

        selector.requireTrainable(AlgorithmSpec.parse("ials:factors=4"));
        assertThatThrownBy(() -> selector.requireTrainable(AlgorithmSpec.parse("retired:k=3")))
                .isInstanceOf(InvalidAlgorithmSpecException.class);
    }

    @Test
    void shouldRecordAFailingCandidateAndChooseAmongTheOthers() {
        InteractionMatrix ratings = twoTasteGroups(60, 12, 8, 1);
        // max-items=2 refuses the 24-item catalogue
        ModelSelector selector = selector(List.of("ease:lambda=1,max-items=2"), 1e12);

        SelectionResult result = selector.select(gate(ratings), ScoringInput.of(ratings), POPULAR);

        assertThat(result.chosen()).isEqualTo(POPULAR);
        assertThat(result.candidates().get(1).status()).isEqualTo(Status.FAILED);
        assertThat(result.candidates().get(1).note()).contains("max-items=2");
    }

    @Test
    void shouldFailFastOnAConfiguredModelWithAnUnknownParameter() {
        ModelSelector selector = selector(List.of("most-popular"), 1e12);
        InteractionMatrix ratings = twoTasteGroups(60, 12, 8, 1);

        assertThatThrownBy(() -> selector.select(gate(ratings), ScoringInput.of(ratings),
                AlgorithmSpec.parse("ials:factor=8")))
                .isInstanceOf(InvalidAlgorithmSpecException.class).hasMessageContaining("factor");
    }

    @Test
    void shouldGiveTheSameChoiceAndScoresForTheSameSeed() {
        InteractionMatrix ratings = twoTasteGroups(60, 12, 8, 3);
        List<String> space = List.of("most-popular", "ials:factors=2|4,alpha=1|10", "ease:lambda=1|30");
        SelectionResult first = selector(space, 1e12).select(gate(ratings), ScoringInput.of(ratings), POPULAR);
        SelectionResult second = selector(space, 1e12).select(gate(ratings), ScoringInput.of(ratings), POPULAR);

        assertThat(second.chosen()).isEqualTo(first.chosen());
        assertThat(second.candidates()).extracting(CandidateScore::ndcg)
                .containsExactlyElementsOf(first.candidates().stream().map(CandidateScore::ndcg).toList());
    }

    @Test
    void shouldSampleWholeUsersAboveTheRatingsCap() {
        InteractionMatrix ratings = twoTasteGroups(200, 12, 8, 1);
        UserSample drawn = UserSample.of(ratings, 400, 7);
        InteractionMatrix sample = drawn.ratings();

        // about 400 / 1600 of the 200 users, each with all 8 ratings
        assertThat(sample.numUsers()).isBetween(30, 70);
        assertThat(sample.numRatings()).isEqualTo(sample.numUsers() * 8);
        assertThat(sample.numItems()).isEqualTo(ratings.numItems());
        assertThat(UserSample.of(ratings, 400, 7).originalUser()).containsExactly(drawn.originalUser());
        for (int u = 0; u < sample.numUsers(); u++) {
            int original = drawn.originalUser()[u];
            assertThat(sample.itemAt(sample.rowStart(u))).isEqualTo(ratings.itemAt(ratings.rowStart(original)));
        }
        assertThat(UserSample.of(ratings, 10_000, 7).ratings()).isSameAs(ratings);
    }

    @Test
    void shouldLetALaterCandidateReplaceTheBestOnlyWhenItGainsMoreThanTheMinimum() {
        ModelSelector.Settings onePercent = new ModelSelector.Settings(0.25, 500_000, 1e12, 600,
                ListPolicy.topN(10), 0, 42, 0.01);

        assertThat(onePercent.replaces(0.0441, 0.0440)).as("0.2 %: noise, the cheaper earlier one stays").isFalse();
        assertThat(onePercent.replaces(0.1000, 0.1000)).as("a tie").isFalse();
        assertThat(onePercent.replaces(0.1452, 0.1435)).as("1.2 %").isTrue();
        assertThat(new ModelSelector.Settings(0.25, 500_000, 1e12, 600, ListPolicy.topN(10), 0, 42, 0)
                .replaces(0.0441, 0.0440)).as("no minimum: any gain").isTrue();
        assertThat(new ModelSelector.Settings(0.25, 500_000, 1e12, 600, ListPolicy.topN(10), 0, 42, 0)
                .replaces(0.0441, 0.0441)).as("no minimum, a tie: the earlier stays").isFalse();
    }

    @Test
    void shouldKeepTheGatesHeldOutItemsOutOfValidationListsWithoutScoringThem() {
        // given a model that ranks item 0 first for everyone, and a gate hold-out that holds item 0 for user 0
        InteractionMatrix ratings = Matrices.binary(3, new int[] {1, 2}, new int[] {1, 2});
        MaskedTrainer trainer = new MaskedTrainer(new FixedScores(), user -> user == 0 ? new int[] {0} : new int[0]);
        float[] scores = new float[3];

        trainer.train(ratings, 1).scoreUser(0, scores);
        assertThat(scores[0]).isNaN();
        assertThat(scores[1]).isEqualTo(2f);
        trainer.train(ratings, 1).scoreUser(1, scores);
        assertThat(scores).containsExactly(3f, 2f, 1f);
    }

    @Test
    void shouldSkipEaseWhenItsItemByItemMatricesWouldNotFitAThirdOfTheHeap() {
        // 100,000 items (only 24 of them rated): EASE would need 12 x 10^10 bytes
        InteractionMatrix small = twoTasteGroups(60, 12, 8, 1);
        InteractionMatrix wide = new InteractionMatrix(small.numUsers(), 100_000, rowStarts(small), items(small),
                new float[small.numRatings()]);
        ModelSelector selector = selector(List.of("ease:lambda=1"), 1e18);

        SelectionResult result = selector.select(gate(wide), ScoringInput.of(wide), POPULAR);

        assertThat(result.candidates()).extracting(CandidateScore::status)
                .containsExactly(Status.EVALUATED, Status.SKIPPED);
        assertThat(result.candidates().get(1).note()).contains("100000 items need", "MB for EASE");
        assertThat(result.chosen()).isEqualTo(POPULAR);
    }

    @Test
    void shouldStillNameTheConfiguredModelWhenEvenItFails() {
        AlgorithmSpec failing = AlgorithmSpec.parse("ease:lambda=1,max-items=2");
        ModelSelector selector = selector(List.of("ease:lambda=1,max-items=2"), 1e12);

        InteractionMatrix ratings = twoTasteGroups(60, 12, 8, 1);

        SelectionResult result = selector.select(gate(ratings), ScoringInput.of(ratings), failing);

        assertThat(result.chosen()).isEqualTo(failing);
        assertThat(result.chosenNdcg()).isNaN();
        assertThat(result.candidates()).extracting(CandidateScore::status).containsExactly(Status.FAILED);
        assertThat(result.evaluated()).isZero();
    }

    @Test
    void shouldRefuseSettingsOutsideTheirRangesAndAcceptTheirEdges() {
        ListPolicy top = ListPolicy.topN(10);

        assertThatThrownBy(() -> new ModelSelector.Settings(0, 500, 1e12, 600, top, 0, 42, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSelector.Settings(1, 500, 1e12, 600, top, 0, 42, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSelector.Settings(0.25, 500, 1e12, 600, top, 0, 42, -0.01))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSelector.Settings(0.25, 500, 1e12, 600, top, 0, 42, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSelector.Settings(0.25, 0, 1e12, 600, top, 0, 42, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSelector.Settings(0.25, 500, -1, 600, top, 0, 42, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSelector.Settings(0.25, 500, Double.NaN, 600, top, 0, 42, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSelector.Settings(0.25, 500, 1e12, 0, top, 0, 42, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSelector.Settings(0.25, 500, 1e12, Double.NaN, top, 0, 42, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ModelSelector.Settings(0.01, 1, 0, 0.001, top, 0, 42, 0).workBudget()).isZero();
        assertThat(new ModelSelector.Settings(0.99, 1, 1e12, 600, top, 0, 42, 0.99).minGain()).isEqualTo(0.99);
    }

    @Test
    void shouldKeepTheWrappedTrainersNameParametersAndWhetherItPredictsRatings() {
        Trainer rating = new Trainer() {
            @Override
            public String algorithm() {
                return "biased";
            }

            @Override
            public Map<String, Object> effectiveParams() {
                return Map.of("factors", 4);
            }

            @Override
            public TrainedModel train(InteractionMatrix ratings, long seed) {
                return new TrainedModel() {
                    @Override
                    public void scoreUser(int user, float[] scores) {
                        java.util.Arrays.fill(scores, 3f);
                    }

                    @Override
                    public boolean predictsRatings() {
                        return true;
                    }
                };
            }

            @Override
            public String toString() {
                return "factors=4";
            }
        };
        InteractionMatrix ratings = Matrices.binary(3, new int[] {1, 2});

        MaskedTrainer masked = new MaskedTrainer(rating, user -> new int[0]);
        MaskedTrainer maskedFixed = new MaskedTrainer(new FixedScores(), user -> new int[0]);

        assertThat(masked.algorithm()).isEqualTo("biased");
        assertThat(masked.effectiveParams()).isEqualTo(Map.of("factors", 4));
        assertThat(masked.toString()).isEqualTo("factors=4");
        assertThat(masked.train(ratings, 1).predictsRatings()).isTrue();
        assertThat(maskedFixed.train(ratings, 1).predictsRatings()).isFalse();
    }

    @Test
    void shouldKeepEverySampledUsersWholeHistoryAndNeverSampleAUserWithoutRatings() {
        // four heavy users with 100 ratings each and four with none; a cap of 100 ratings keeps about one heavy user
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < 8; user += 2) {
            for (int item = 0; item < 100; item++) {
                builder.add(user, (item * 7 + user) % 120, 1 + item % 5, Long.MIN_VALUE);
            }
        }
        InteractionMatrix ratings = builder.build(8, 120);
        int moreThanOne = 0;

        for (long seed = 0; seed < 40; seed++) {
            UserSample drawn = UserSample.of(ratings, 100, seed);
            InteractionMatrix sample = drawn.ratings();
            moreThanOne += sample.numUsers() > 1 ? 1 : 0;
            assertThat(sample.numRatings()).as("seed %d", seed).isEqualTo(sample.numUsers() * 100);
            for (int u = 0; u < sample.numUsers(); u++) {
                int original = drawn.originalUser()[u];
                assertThat(original % 2).as("a user with ratings").isZero();
                for (int k = 0; k < 100; k++) {
                    int at = ratings.rowStart(original) + k;
                    assertThat(sample.itemAt(sample.rowStart(u) + k)).isEqualTo(ratings.itemAt(at));
                    assertThat(sample.valueAt(sample.rowStart(u) + k)).isEqualTo(ratings.valueAt(at));
                }
            }
        }
        assertThat(moreThanOne).as("some seeds draw more than the cap's worth of whole users").isPositive();
        assertThat(UserSample.of(ratings, ratings.numRatings(), 7).ratings()).as("at the cap: all")
                .isSameAs(ratings);
    }

    @Test
    void shouldKeepWholeHistoriesWhateverTheCapFromAFewRatingsToAllButOne() {
        // one user with 300 ratings, four with 25, one with none: 400 ratings
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        int[] counts = {300, 25, 25, 0, 25, 25};
        for (int user = 0; user < counts.length; user++) {
            for (int k = 0; k < counts[user]; k++) {
                builder.add(user, (k * 7 + user) % 400, 1 + k % 5, Long.MIN_VALUE);
            }
        }
        InteractionMatrix ratings = builder.build(counts.length, 400);

        for (int cap : new int[] {5, 100, 399}) {
            for (long seed = 0; seed < 20; seed++) {
                UserSample drawn = UserSample.of(ratings, cap, seed);
                InteractionMatrix sample = drawn.ratings();
                int expected = 0;
                for (int u = 0; u < sample.numUsers(); u++) {
                    int original = drawn.originalUser()[u];
                    expected += counts[original];
                    assertThat(sample.rowSize(u)).as("cap %d, seed %d", cap, seed).isEqualTo(counts[original]);
                    for (int k = 0; k < counts[original]; k++) {
                        assertThat(sample.itemAt(sample.rowStart(u) + k))
                                .isEqualTo(ratings.itemAt(ratings.rowStart(original) + k));
                    }
                }
                assertThat(sample.numRatings()).isEqualTo(expected);
                assertThat(drawn.originalUser()).doesNotContain(3).isSorted();
            }
        }
        assertThat(UserSample.of(ratings, 399, 1).ratings().numUsers()).as("just under the total: about everyone")
                .isGreaterThanOrEqualTo(4);
    }

    private static int[] rowStarts(InteractionMatrix m) {
        int[] starts = new int[m.numUsers() + 1];
        for (int u = 0; u <= m.numUsers(); u++) {
            starts[u] = u == m.numUsers() ? m.numRatings() : m.rowStart(u);
        }
        return starts;
    }

    private static int[] items(InteractionMatrix m) {
        int[] items = new int[m.numRatings()];
        for (int k = 0; k < items.length; k++) {
            items[k] = m.itemAt(k);
        }
        return items;
    }

    /** Scores 3, 2, 1 for items 0, 1, 2 whoever the user. */
    private static final class FixedScores implements Trainer {
        @Override
        public String algorithm() {
            return "fixed";
        }

        @Override
        public Map<String, Object> effectiveParams() {
            return Map.of();
        }

        @Override
        public TrainedModel train(InteractionMatrix ratings, long seed) {
            return (user, scores) -> {
                scores[0] = 3f;
                scores[1] = 2f;
                scores[2] = 1f;
            };
        }
    }

    private static HoldoutSplit gate(InteractionMatrix ratings) {
        return HoldoutSplit.perUser(ratings, 0.25, 9);
    }

    private static ModelSelector selectorWithMargin(List<String> space, double noiseMargin) {
        return new ModelSelector(TrainerCatalog.standard(WORKERS), SearchSpace.parse(space),
                new ModelSelector.Settings(0.25, 1_000_000, 1e12, 600, ListPolicy.topN(4), 0, 42, 0, noiseMargin));
    }

    private static ModelSelector selector(List<String> space, double workBudget) {
        return new ModelSelector(TrainerCatalog.standard(WORKERS), SearchSpace.parse(space),
                new ModelSelector.Settings(0.25, 1_000_000, workBudget, 600, ListPolicy.topN(4), 0, 42, 0));
    }

    /** Users alternate between two groups; each rates {@code perUser} of its group's {@code groupItems} items. */
    private static InteractionMatrix twoTasteGroups(int users, int groupItems, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int u = 0; u < users; u++) {
            int offset = (u % 2) * groupItems;
            boolean[] taken = new boolean[groupItems];
            for (int r = 0; r < perUser; r++) {
                int item;
                do {
                    item = random.nextInt(groupItems);
                } while (taken[item]);
                taken[item] = true;
                builder.add(u, offset + item, 1f, Long.MIN_VALUE);
            }
        }
        return builder.build(users, 2 * groupItems);
    }
}
