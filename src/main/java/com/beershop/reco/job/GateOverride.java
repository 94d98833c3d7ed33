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
    private String decision;

    GateOverride(String configured, RunHistoryRepository history) {
        this.configured = configured;
        this.history = history;
    }

    /** The override's description when it applies to data with {@code fingerprint}, or null. */
    synchronized String appliesTo(String fingerprint) {
        if (configured.isEmpty()) {
            return null;
        }
        if (!fingerprint.equals(decidedFor)) {
            decision = decide(fingerprint);
            decidedFor = fingerprint;
        }
        return decision;
    }

    private String decide(String fingerprint) {
        Optional<String> named = configured.chars().allMatch(Character::isDigit)
                ? history.fingerprintOfRun(Long.parseLong(configured)) : Optional.of(configured);
        if (named.isPresent() && named.get().equals(fingerprint)) {
            return "reco.gate.override=" + configured + " (data " + fingerprint + ")";
        }
        log.warn("reco.gate.override={} names {}, not tonight's data {}: tonight is judged normally; remove the override",
                configured, named.map(f -> "data " + f).orElse("no run this history knows"), fingerprint);
        return null;
    }
}
