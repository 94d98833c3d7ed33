package com.beershop.reco.job;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code check} mode run on a test database, with what it printed on standard output (one line per check and
 * the verdict). The output is printed again as well, so that a failing test shows it.
 */
record CheckRun(int exit, String output) {

    static CheckRun on(TestDatabase db, String... extra) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = db.run("check", extra);
        } finally {
            System.setOut(original);
            original.print(captured.toString(StandardCharsets.UTF_8));
        }
        return new CheckRun(exit, captured.toString(StandardCharsets.UTF_8));
    }

    /** The lines that each report one check: {@code ok}, {@code WARN} or {@code FAILED}. */
    List<String> checkLines() {
        return output.lines().filter(l -> l.startsWith("ok ") || l.startsWith("WARN ") || l.startsWith("FAILED "))
                .toList();
    }
}
