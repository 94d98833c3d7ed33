package com.beershop.reco.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Logs one line per step with its wall and process CPU seconds and the heap's peak during the step, and keeps the
 * same numbers in the step's execution context. The benchmark reads these lines; in production they show which
 * stage a slow night spent its time in. Peak heap is the sum of the heap pools' peaks since the step started
 * (an upper bound: the pools need not peak at the same moment).
 */
@Component
public class StepMetricsListener implements StepExecutionListener {

    static final String PREFIX = "Step metrics:";
    private static final Logger log = LoggerFactory.getLogger(StepMetricsListener.class);

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private long startNanos;
    private long startCpuNanos;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        startCpuNanos = processCpuNanos();
        startNanos = System.nanoTime();
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        long cpuNanos = processCpuNanos();
        double cpu = cpuNanos < 0 || startCpuNanos < 0 ? Double.NaN : (cpuNanos - startCpuNanos) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peak += pool.getPeakUsage() == null ? 0 : pool.getPeakUsage().getUsed();
        }
        double peakMb = peak / (1024.0 * 1024.0);
        step.getExecutionContext().putDouble("metrics.wallSeconds", wall);
        step.getExecutionContext().putDouble("metrics.cpuSeconds", cpu);
        step.getExecutionContext().putDouble("metrics.peakHeapMb", peakMb);
        log.info(String.format(Locale.ROOT, "%s step=%s wall_s=%.3f cpu_s=%.3f peak_heap_mb=%.0f read=%d write=%d"
                        + " filter=%d status=%s", PREFIX, step.getStepName(), wall, cpu, peakMb, step.getReadCount(),
                step.getWriteCount(), step.getFilterCount(), step.getStatus()));
        return null;
    }

    private long processCpuNanos() {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
