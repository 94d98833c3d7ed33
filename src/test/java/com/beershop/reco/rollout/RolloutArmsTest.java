package com.beershop.reco.rollout;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RolloutArmsTest {

    @Test
    void shouldGiveTheFractionAPythonOneLinerRecomputes() {
        // expected from: int.from_bytes(hashlib.sha256((salt + "\0" + user).encode()).digest()[:8], "big") / 2**64
        assertThat(RolloutArms.fraction("beer-reco", "U00001")).isCloseTo(0.6419230993103737, within(1e-15));
        assertThat(RolloutArms.fraction("s", "u")).isCloseTo(0.9493797071430788, within(1e-15));
        assertThat(RolloutArms.fraction("", "")).isCloseTo(0.43048164923648174, within(1e-15));
    }

    @Test
    void shouldPutAboutTheShareOfFiftyThousandUsersInTheModelArm() {
        // given
        RolloutArms arms = new RolloutArms(0.2, "beer-reco");

        // when
        long model = IntStream.rangeClosed(1, 50_000).mapToObj(i -> String.format("U%06d", i))
                .filter(u -> arms.arm(u) == Arm.MODEL).count();

        // then: 9,866 by the Python one-liner above
        assertThat(model).isEqualTo(9_866);
    }

    @Test
    void shouldOnlyAddUsersToTheModelArmWhenTheShareRises() {
        RolloutArms five = new RolloutArms(0.05, "salt");
        RolloutArms quarter = new RolloutArms(0.25, "salt");
        IntStream.range(0, 10_000).mapToObj(i -> "user-" + i).filter(u -> five.arm(u) == Arm.MODEL)
                .forEach(u -> assertThat(quarter.arm(u)).as(u).isEqualTo(Arm.MODEL));
    }

    @Test
    void shouldPutEveryUserInTheModelArmAtShareOneAndNoneAtZero() {
        RolloutArms all = new RolloutArms(1, "x");
        RolloutArms none = new RolloutArms(0, "x");
        IntStream.range(0, 1000).mapToObj(i -> "u" + i).forEach(u -> {
            assertThat(all.arm(u)).isEqualTo(Arm.MODEL);
            assertThat(none.arm(u)).isEqualTo(Arm.CONTROL);
        });
        assertThat(all.everybodyModel()).isTrue();
    }

    @Test
    void shouldRefuseAShareOutsideZeroToOne() {
        assertThatThrownBy(() -> new RolloutArms(1.5, "x")).hasMessageContaining("rollout-share");
        assertThatThrownBy(() -> new RolloutArms(Double.NaN, "x")).hasMessageContaining("rollout-share");
    }
}
