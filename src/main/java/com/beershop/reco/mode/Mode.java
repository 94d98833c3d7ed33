package com.beershop.reco.mode;

import java.util.List;

/** One mode of the command line: what the usage says of it, and how it runs. */
public interface Mode {

    /** Its name and its lines in the usage text, known before anything starts. */
    ModeUsage usage();

    /**
     * Runs the mode to its end.
     *
     * @param operands the words after the mode's name (at most one, and only where {@link ModeUsage#operand()} says)
     * @return the process exit code; a failure is thrown instead and classified by the application
     */
    int run(List<String> operands) throws Exception;
}
