package com.beershop.reco.mode;

import com.beershop.reco.tracking.RunMode;

/**
 * What the usage text says of a mode, and what the command line allows it.
 *
 * @param operand the name of the one word the mode takes after its own, or null
 * @param description its lines in the usage text, without indentation
 * @param printsResult whether its standard output is a result for a pipe (then it logs to standard error); the
 *                     other modes' standard output is their log, which Kubernetes reads
 */
public record ModeUsage(RunMode mode, String operand, String description, boolean printsResult) {

    private static final int COLUMN = 13;

    static ModeUsage of(RunMode mode, String description) {
        return new ModeUsage(mode, null, description, false);
    }

    ModeUsage withOperand(String name) {
        return new ModeUsage(mode, name, description, printsResult);
    }

    ModeUsage printingResult() {
        return new ModeUsage(mode, operand, description, true);
    }

    /** Its entry in the usage text: the name (and operand), then the description indented to one column. */
    String entry() {
        String heading = "  " + mode.word() + (operand == null ? "" : " " + operand);
        String indent = " ".repeat(COLUMN);
        String body = description.strip().replace("\n", "\n" + indent);
        return heading.length() < COLUMN - 1
                ? heading + " ".repeat(COLUMN - heading.length()) + body + "\n"
                : heading + "\n" + indent + body + "\n";
    }
}
