package com.beershop.reco.rollout;

import java.util.Locale;

/** The two groups of a gradual rollout: users whose lists the model makes, and users who keep the pre-model lists. */
public enum Arm {
    MODEL, CONTROL;

    /** The arm's name as it is stored in {@code reco_staging.arm}, the run history's JSON and the metrics' label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The arm of a stored label; a NULL label is a row staged before the rollout existed, when every user was model. */
    public static Arm ofLabel(String label) {
        return label == null ? MODEL : valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
