package com.beershop.reco.tracking;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The modes of the command line. The run history's {@code run_mode} columns hold a mode's {@link #word()} (only
 * {@code run}, {@code rehearse}, {@code evaluate} and {@code republish} write history rows; {@code run},
 * {@code rehearse}, {@code select} and {@code evaluate} write model selections), so their contents stay as
 * they were.
 */
public enum RunMode {
    RUN, MIGRATE, CHECK, REHEARSE, EVALUATE, SELECT, REPORT, REPUBLISH, HELP;

    /** The name in lower case: the word on the command line and in the {@code run_mode} columns. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a command-line word or a {@code run_mode} value names; empty for any other text or null. */
    public static Optional<RunMode> ofWord(String word) {
        return Arrays.stream(values()).filter(m -> m.word().equals(word)).findFirst();
    }
}
