package com.beershop.reco.check;

/** One line of the {@code check} mode: what was checked, whether it passed, and the precise reason. */
public record CheckResult(String name, boolean ok, String detail) {

    public static CheckResult ok(String name, String detail) {
        return new CheckResult(name, true, detail);
    }

    public static CheckResult failed(String name, String reason) {
        return new CheckResult(name, false, reason);
    }

    public String line() {
        return (ok ? "ok      " : "FAILED  ") + name + ": " + detail;
    }
}
