package com.beershop.reco.mode;

import com.beershop.reco.tracking.RunMode;

import java.util.List;
import java.util.Optional;

/**
 * The modes of the command line, in usage order, and what the words of a command line may be. Read before Spring
 * starts: usage questions and mistakes are answered without touching anything.
 */
public final class Modes {

    /** Every mode's usage, in the order the usage text lists them. */
    static final List<ModeUsage> ALL = List.of(NightlyRunMode.USAGE, MigrateMode.USAGE, CheckMode.USAGE,
            RehearseMode.USAGE, EvaluateMode.USAGE, SelectMode.USAGE, ReportMode.USAGE, RepublishMode.USAGE, HelpMode.USAGE);
    /** The modes a command line runs; help is answered before Spring starts, so it is none of them. */
    private static final List<ModeUsage> RUNNABLE = ALL.stream().filter(m -> m.mode() != RunMode.HELP).toList();

    private Modes() {
    }

    /** The names of the modes a command line can run, in usage order. */
    public static List<String> names() {
        return RUNNABLE.stream().map(m -> m.mode().word()).toList();
    }

    /** The mode the words of a command line name: {@code run} when they name none. */
    public static RunMode of(List<String> words) {
        return words.isEmpty() ? RunMode.RUN : runnable(words.get(0)).orElseThrow().mode();
    }

    /** Whether the mode named by the command line's words prints a result on standard output. */
    public static boolean printsResult(List<String> words) {
        return !words.isEmpty() && runnable(words.get(0)).map(ModeUsage::printsResult).orElse(false);
    }

    /** What is wrong with the words of a command line (the arguments that are not --options), or null. */
    public static String usageProblem(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        Optional<ModeUsage> mode = runnable(words.get(0));
        int allowed = mode.isPresent() && mode.get().operand() != null ? 2 : 1;
        if (words.size() > allowed) {
            return "one mode at a time, got " + String.join(" ", words);
        }
        if (mode.isEmpty()) {
            return "unknown mode '" + words.get(0) + "'; modes: " + String.join(", ", names());
        }
        return null;
    }

    private static Optional<ModeUsage> runnable(String word) {
        return RUNNABLE.stream().filter(m -> m.mode().word().equals(word)).findFirst();
    }
}
