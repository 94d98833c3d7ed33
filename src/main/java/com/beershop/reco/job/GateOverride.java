package com.beershop.reco.job;

import com.beershop.reco.tracking.RunHistoryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The one-shot override ({@code reco.gate.override}): it names a refused run, by its data fingerprint or its run
 * id, and applies only to a run on exactly that data. Left in a manifest by mistake, it forces nothing the next
 * night, because the next night's data has another fingerprint.
 */
class GateOverride {

    private static final Logger log = LoggerFactory.getLogger(GateOverride.class);

    private final String configured;
    private final RunHistoryRepository history;
    private String decidedFor;
    private Optional<Applied> decision = Optional.empty();

    GateOverride(String configured, RunHistoryRepository history) {
        this.configured = configured;
        this.history = history;
    }

    /** The override, when one is configured and it names data with {@code fingerprint}; empty otherwise. */
    synchronized Optional<Applied> appliesTo(String fingerprint) {
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        if (!fingerprint.equals(decidedFor)) {
            decision = decide(fingerprint);
            decidedFor = fingerprint;
        }
        return decision;
    }

    private Optional<Applied> decide(String fingerprint) {
        Optional<String> named = configured.chars().allMatch(Character::isDigit)
                ? history.fingerprintOfRun(Long.parseLong(configured)) : Optional.of(configured);
        if (named.isPresent() && named.get().equals(fingerprint)) {
            return Optional.of(new Applied(configured, fingerprint));
        }
        log.warn("reco.gate.override={} names {}, not tonight's data {}: tonight is judged normally; remove the override",
                configured, named.map(f -> "data " + f).orElse("no run this history knows"), fingerprint);
        return Optional.empty();
    }

    /**
     * An override that applies: as configured (a fingerprint or a run id) and the data it was matched to.
     *
     * @param configured {@code reco.gate.override} as set
     * @param fingerprint the data it applies to
     */
    record Applied(String configured, String fingerprint) {

        /** What the gate's verdict names as the reason a refusal publishes anyway. */
        String description() {
            return "reco.gate.override=" + configured + " (data " + fingerprint + ")";
        }
    }
}
