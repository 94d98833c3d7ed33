package com.beershop.reco.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With GitOps a setting in git applies every night until someone reverts it. A setting that forces every night
 * through the gate or the publish guards must never be in a manifest; the one-shot override may be, because it
 * names one night's data and forces nothing the next night.
 */
class NoStandingOverrideTest {

    /** A share of allowed loss this high lets every collapse through. */
    private static final double NEAR_ONE = 0.9;
    private static final Pattern ONE_SHOT = Pattern.compile("\\d+|\\d+:[0-9a-f]{16}");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldNotForceEveryNightThroughTheGateOrTheGuards(String overlay) {
        assertThat(standingOverrides(NightlyRunSettings.of(overlay))).isEmpty();
    }

    @Test
    void shouldRecogniseEverySettingThatForcesEveryNight() {
        Map<String, String> forced = Map.ofEntries(Map.entry("RECO_GATE_ENABLED", "false"),
                Map.entry("RECO_GATE_MUST_BEAT_POPULARITY", "false"), Map.entry("RECO_PUBLISH_MAX_INPUT_DROP", "1"),
                Map.entry("RECO_PUBLISH_MAX_LIVE_DROP", "0.95"), Map.entry("RECO_PUBLISH_MAX_CATALOGUE_DROP", "0.99"),
                Map.entry("RECO_PUBLISH_MAX_NON_FINITE_SHARE", "1"), Map.entry("RECO_GATE_MIN_NDCG", "0"),
                Map.entry("RECO_GATE_MAX_RELATIVE_DROP", "0.9"), Map.entry("RECO_GATE_OVERRIDE", "true"),
                Map.entry("RECO_GATE_FORCE_PUBLISH", "true"), Map.entry("RECO_PUBLISH_MIN_MODEL_AGREEMENT", "0"),
                Map.entry("RECO_PUBLISH_MIN_COVERAGE_RATIO", "0.0"));
        Map<String, String> defaults = Map.of("RECO_PUBLISH_MAX_INPUT_DROP", "0.5", "RECO_PUBLISH_MAX_LIVE_DROP", "0.5",
                "RECO_PUBLISH_MAX_CATALOGUE_DROP", "0.5", "RECO_PUBLISH_MAX_NON_FINITE_SHARE", "0.01",
                "RECO_GATE_MIN_NDCG", "0.001", "RECO_GATE_MAX_RELATIVE_DROP", "0.05",
                "RECO_PUBLISH_MIN_MODEL_AGREEMENT", "0.1", "RECO_PUBLISH_MIN_COVERAGE_RATIO", "0.5");

        assertThat(standingOverrides(forced)).hasSize(forced.size());
        assertThat(standingOverrides(defaults)).isEmpty();
        assertThat(standingOverrides(Map.of("RECO_GATE_OVERRIDE", "25000:00ff00ff00ff00ff"))).isEmpty();
        assertThat(standingOverrides(Map.of("RECO_GATE_OVERRIDE", "4711"))).isEmpty();
    }

    static List<String> standingOverrides(Map<String, String> settings) {
        List<String> found = new ArrayList<>();
        settings.forEach((key, raw) -> {
            String value = raw == null ? "" : raw.strip().toLowerCase();
            boolean forces = switch (key) {
                case "RECO_GATE_ENABLED", "RECO_GATE_MUST_BEAT_POPULARITY" -> value.equals("false");
                // a guard that lets 90 % of the input, catalogue, lists or quality fall away never refuses
                case "RECO_PUBLISH_MAX_INPUT_DROP", "RECO_PUBLISH_MAX_LIVE_DROP", "RECO_PUBLISH_MAX_CATALOGUE_DROP",
                     "RECO_PUBLISH_MAX_NON_FINITE_SHARE", "RECO_GATE_MAX_RELATIVE_DROP" ->
                        Double.parseDouble(value) >= NEAR_ONE;
                // a floor of 0 never refuses: the agreement of the live model with the judged one is then unchecked
                case "RECO_GATE_MIN_NDCG", "RECO_PUBLISH_MIN_MODEL_AGREEMENT", "RECO_PUBLISH_MIN_COVERAGE_RATIO" ->
                        Double.parseDouble(value) <= 0;
                case "RECO_GATE_OVERRIDE" -> !value.isEmpty() && !ONE_SHOT.matcher(value).matches();
                case "RECO_GATE_FORCE_PUBLISH" -> true;
                default -> false;
            };
            if (forces) {
                found.add(key + "=" + raw);
            }
        });
        return found;
    }
}
