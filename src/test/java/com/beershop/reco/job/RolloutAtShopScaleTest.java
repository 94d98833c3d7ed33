package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's own scale: 50,000 users on PostgreSQL, each with hand-made rows. Two full runs take longer than the
 * suite should, so it runs by hand: {@code mvn test -Dtest=RolloutAtShopScaleTest -Dreco.scale=50k}.
 */
@EnabledIfSystemProperty(named = "reco.scale", matches = "50k")
class RolloutAtShopScaleTest {

    @Test
    void shouldGiveNewListsToAFifthOfFiftyThousandUsersAndTheHandMadeRowsBackAtShareZero() throws Exception {
        try (HandMadeShop shop = HandMadeShop.open(TestDatabase.postgres(),
                SampleDataSpec.of(50_000, 500, 500_000, 11), 3)) {
            // when
            assertThat(shop.db.run("run", "--reco.publish.rollout-share=0.2",
                    "--reco.input.min-ratings=1000")).isEqualTo(ExitCodes.OK);

            // then
            Map<String, List<String>> live = shop.live();
            assertThat(live.keySet()).isEqualTo(shop.handMade.keySet());
            Set<String> moved = shop.movedUsers(live);
            assertThat(moved.size() / (double) shop.handMade.size()).isBetween(0.18, 0.22);
            assertThat(shop.handMade).hasSizeGreaterThanOrEqualTo(49_000);

            // when
            assertThat(shop.db.run("run", "--reco.publish.rollout-share=0")).isEqualTo(ExitCodes.OK);

            // then
            assertThat(shop.live()).isEqualTo(shop.handMade);
        }
    }
}
