package com.beershop.reco.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the Go service does, while the job runs: reads one user's recommendations again and again on its own
 * connection, and records the slowest read and any answer that is neither the old list (empty, on a fresh
 * database) nor a complete new one. Shows whether the publish blocks or exposes readers.
 */
final class LiveTableReader {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile long reads;
    private volatile long maxNanos;
    private volatile long partial;
    private volatile String failure;

    private LiveTableReader(String url, String user, String userId, int n) {
        thread = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url, user, "");
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT product_id FROM recommendations WHERE user_id = ? ORDER BY rank")) {
                ps.setString(1, userId);
                while (running.get()) {
                    long start = System.nanoTime();
                    int rows = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                    long took = System.nanoTime() - start;
                    maxNanos = Math.max(maxNanos, took);
                    reads++;
                    if (rows != 0 && rows != n) {
                        partial++;
                    }
                    Thread.sleep(5);
                }
            } catch (SQLException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "live-table-reader");
        thread.setDaemon(true);
    }

    static LiveTableReader start(String url, String user, String userId, int n) {
        LiveTableReader reader = new LiveTableReader(url, user, userId, n);
        reader.thread.start();
        return reader;
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    String summary() {
        return String.format(Locale.ROOT, "Live-table reader during the run: %d reads, slowest %.1f ms, %d partial"
                + " lists%s", reads, maxNanos / 1e6, partial, failure == null ? "" : ", failed: " + failure);
    }
}
