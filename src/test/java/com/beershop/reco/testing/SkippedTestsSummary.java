package com.beershop.reco.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ends a test run by saying what was skipped and why, one line per reason with how many tests it skipped, so that a
 * run without one of the external tools does not look like a full pass. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public class SkippedTestsSummary implements TestExecutionListener {

    private final Map<String, AtomicInteger> byReason = new ConcurrentHashMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        count(reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            count(result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private void count(String reason) {
        byReason.computeIfAbsent(reason == null ? "no reason given" : reason.lines().findFirst().orElse(reason),
                r -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (byReason.isEmpty()) {
            return;
        }
        StringBuilder summary = new StringBuilder("SKIPPED tests of this run, by reason:\n");
        new TreeMap<>(byReason).forEach((reason, n) -> summary.append("  ").append(n).append(" skipped: ")
                .append(reason).append('\n'));
        System.out.print(summary);
    }
}
