package com.beershop.reco.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.TrainedModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ListMakerTest {

    private static final long DAY = 24L * 3600 * 1000;

    /**
     * Item 0 was everyone's favourite a year ago (users 0-5); item 1 is this month's (users 2-4); user 6 rated only
     * item 2, so with a minimum of 2 ratings the model does not serve them.
     */
    private static InteractionMatrix ratings() {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < 6; user++) {
            builder.add(user, 0, 1f, user * DAY);
            builder.add(user, 2, 1f, user * DAY);
        }
        for (int user = 2; user < 5; user++) {
            builder.add(user, 1, 1f, (365 + user) * DAY);
        }
        builder.add(6, 2, 1f, 300 * DAY);
        return builder.build(7, 4);
    }

    /** A personal model that prefers the highest item number, NaN for user 5. */
    private static final TrainedModel MODEL = (user, scores) -> {
        for (int item = 0; item < scores.length; item++) {
            scores[item] = user == 5 ? Float.NaN : item;
        }
    };

    private static int[] listOf(ListMaker.ForThread lister, int user) {
        int[] out = new int[2];
        return Arrays.copyOf(out, lister.make(user, out));
    }

    @Test
    void shouldServeUsersTheModelCannotServeFromTheConfiguredFallback() {
        ScoringInput input = ScoringInput.of(ratings());
        ListMaker.ForThread popular = new ListMaker(MODEL, input, new ListPolicy(2, 0, Fallback.MOST_POPULAR), 2)
                .forThread();
        ListMaker.ForThread trending = new ListMaker(MODEL, input, new ListPolicy(2, 0, Fallback.RECENT_POPULAR), 2)
                .forThread();

        // user 6 (one rating): all-time favourite first, or this month's first
        assertThat(listOf(popular, 6)).containsExactly(0, 1);
        assertThat(popular.source()).isEqualTo(ListMaker.Source.FEW_RATINGS);
        assertThat(listOf(trending, 6)).containsExactly(1, 0);
        // user 5 (no finite score): the fallback too, counted apart
        assertThat(listOf(trending, 5)).containsExactly(1, 3);
        assertThat(trending.source()).isEqualTo(ListMaker.Source.NO_FINITE_SCORE);
        assertThat(trending.metNonFinite()).isTrue();
        // user 0: the model's own list
        assertThat(listOf(trending, 0)).containsExactly(3, 1);
        assertThat(trending.source()).isEqualTo(ListMaker.Source.MODEL);
    }
}
