package com.beershop.reco.check;

import java.io.PrintStream;
import java.util.List;

/** Every check's result, in the order they ran. */
public record CheckReport(List<CheckResult> results) {

    public CheckReport {
        results = List.copyOf(results);
    }

    public boolean allPassed() {
        return results.stream().allMatch(CheckResult::ok);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.ok()).toList();
    }

    public void print(PrintStream out) {
        results.forEach(r -> out.println(r.line()));
        long failed = failures().size();
        out.println(failed == 0 ? "All " + results.size() + " checks passed."
                : failed + " of " + results.size() + " checks FAILED.");
        out.flush();
    }
}
