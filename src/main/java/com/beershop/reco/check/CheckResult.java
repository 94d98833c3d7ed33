package com.beershop.reco.check;

/**
 * One line of the {@code check} mode: what was checked, whether it passed, and the precise reason. A warning passes
 * but names something a DBA should look at (it never fails a deploy).
 */
public record CheckResult(String name, boolean ok, String detail, boolean warning) {

    public CheckResult(String name, boolean ok, String detail) {
        this(name, ok, detail, false);
    }

    public static CheckResult ok(String name, String detail) {
        return new CheckResult(name, true, detail);
    }

    public static CheckResult warning(String name, String detail) {
        return new CheckResult(name, true, detail, true);
    }

    public static CheckResult failed(String name, String reason) {
        return new CheckResult(name, false, reason);
    }

    public String line() {
        return (warning ? "WARN    " : ok ? "ok      " : "FAILED  ") + name + ": " + detail;
    }
}
