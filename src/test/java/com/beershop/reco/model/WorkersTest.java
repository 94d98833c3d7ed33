package com.beershop.reco.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class WorkersTest {

    @Test
    void shouldRunBlockLoopsStartedInsideCallOnItsThreadsOnly() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (Workers workers = Workers.of(2)) {
            // the trainers' way: a plain IndexRanges loop, started from work handed to call
            workers.call(() -> {
                IndexRanges.forEachBlock(10_000, 10, (block, from, to) -> threads.add(Thread.currentThread().getName()));
                return null;
            });
            // the scorer's way
            workers.forEachBlock(10_000, 10, (block, from, to) -> threads.add(Thread.currentThread().getName()));
        }

        assertThat(threads).isNotEmpty().hasSizeLessThanOrEqualTo(2).allMatch(name -> name.startsWith("reco-worker-"));
    }

    @Test
    void shouldUseAsManyThreadsAsConfigured() throws InterruptedException {
        // every block waits until three blocks run at once: only possible on three threads
        CountDownLatch together = new CountDownLatch(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (Workers workers = Workers.of(3)) {
            workers.forEachBlock(3, 1, (block, from, to) -> {
                threads.add(Thread.currentThread().getName());
                together.countDown();
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(workers.threads()).isEqualTo(3);
        }

        assertThat(together.getCount()).isZero();
        assertThat(threads).hasSize(3);
    }

    @Test
    void shouldDefaultToOneThreadPerCore() {
        try (Workers workers = Workers.of(0)) {
            assertThat(workers.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
        assertThatThrownBy(() -> Workers.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRethrowWhatTheWorkThrowsUnchanged() {
        IllegalArgumentException thrown = new IllegalArgumentException("factors must be positive");
        try (Workers workers = Workers.of(2)) {
            assertThatThrownBy(() -> workers.call(() -> {
                throw thrown;
            })).isSameAs(thrown);
            assertThatThrownBy(() -> workers.forEachBlock(100, 10, (block, from, to) -> {
                throw new IllegalStateException("block " + block);
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("block ");
        }
    }

    @Test
    void shouldReturnTheResultOfTheWork() {
        try (Workers workers = Workers.of(1)) {
            assertThat(workers.call(() -> Thread.currentThread().getName())).startsWith("reco-worker-");
            // called from its own thread it runs the work there instead of waiting for a free thread
            assertThat(workers.call(() -> workers.call(() -> 42))).isEqualTo(42);
        }
    }

    @Test
    void shouldCarryTheCallersLoggingContextToItsThreads() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        MDC.put("jobExecutionId", "17");
        try (Workers workers = Workers.of(2)) {
            seen.add(workers.call(() -> MDC.get("jobExecutionId")));
            workers.forEachBlock(1_000, 10, (block, from, to) -> seen.add(String.valueOf(MDC.get("jobExecutionId"))));
            MDC.remove("jobExecutionId");
            // and leaves nothing behind on its threads for the next caller
            seen.add(workers.call(() -> String.valueOf(MDC.get("jobExecutionId"))));
        } finally {
            MDC.remove("jobExecutionId");
        }

        assertThat(seen).containsExactlyInAnyOrder("17", "null");
    }
}
