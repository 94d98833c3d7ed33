package com.beershop.reco.text;

import java.io.PrintStream;

/**
 * Where a mode prints its result. The modes that print one (a report, the check lines, the usage) are piped into
 * {@code jq} or a script, so their standard output carries the result and nothing else: {@link #claim()} keeps the
 * real standard output for the result and points {@code System.out} at standard error. Logback's console appender
 * writes through {@code System.out} at each event, so every log line (Spring Boot's startup, Flyway, HikariCP's
 * shutdown, at the configured level and format) and anything a library prints lands on standard error, whatever
 * logging configuration is in force. The other modes' output is their log, which Kubernetes reads from standard
 * output: they {@linkplain #shared() share} it.
 */
public final class ResultOutput {

    private final PrintStream stream;
    private final boolean claimed;

    private ResultOutput(PrintStream stream, boolean claimed) {
        this.stream = stream;
        this.claimed = claimed;
    }

    /** Takes standard output for the result alone; everything else written to {@code System.out} goes to standard error. */
    public static ResultOutput claim() {
        PrintStream result = System.out;
        System.setOut(System.err);
        return new ResultOutput(result, true);
    }

    /** Standard output shared with the logs. */
    public static ResultOutput shared() {
        return new ResultOutput(System.out, false);
    }

    public PrintStream stream() {
        return stream;
    }

    /** Gives {@code System.out} back, for a caller that lives on after the mode (tests run many modes in one JVM). */
    public void release() {
        if (claimed) {
            System.setOut(stream);
        }
    }
}
