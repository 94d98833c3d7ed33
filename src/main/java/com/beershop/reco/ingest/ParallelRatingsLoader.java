package com.beershop.reco.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the ratings table into a {@link RatingsCollector}, over several connections at once when asked: the table
 * is split into user-id ranges ({@link UserRanges}), each range is read, validated and interned by its own thread
 * into its own collector, and the parts are absorbed into the run's collector in range order. Ids are numbered in
 * sorted order when the matrix is built and the fingerprint is order-independent, so the result is the same as
 * one reader's: same ids, matrix, counts and fingerprint. How the readers agree on one state of the table is the
 * {@link ReadConsistency}.
 */
public final class ParallelRatingsLoader {

    private static final Logger log = LoggerFactory.getLogger(ParallelRatingsLoader.class);
    private static final long PROGRESS_EVERY = 1_000_000;

    private final DataSource dataSource;
    private final RatingsQuery query;
    private final RatingValidator validator;
    private final int fetchSize;
    private final boolean bulkRead;

    /** A loader that reads PostgreSQL through its binary COPY ({@link PostgresCopyReader}). */
    public ParallelRatingsLoader(DataSource dataSource, RatingsQuery query, RatingValidator validator, int fetchSize) {
        this(dataSource, query, validator, fetchSize, true);
    }

    /**
     * @param fetchSize rows per round trip; on PostgreSQL with autocommit off this makes the cursor server-side
     * @param bulkRead  whether to read PostgreSQL through its binary COPY rather than a JDBC result set
     */
    public ParallelRatingsLoader(DataSource dataSource, RatingsQuery query, RatingValidator validator, int fetchSize,
                                 boolean bulkRead) {
        this.dataSource = dataSource;
        this.query = query;
        this.validator = validator;
        this.fetchSize = fetchSize;
        this.bulkRead = bulkRead;
    }

    /**
     * Reads every rating into {@code target} as {@code plan} says. Connections held at once: the readers, plus the
     * coordinator only where it keeps a snapshot open for them ({@link ReadConsistency#holdsCoordinator()}).
     */
    public void load(RatingsCollector target, ReadPlan plan) throws SQLException {
        Progress progress = new Progress();
        if (!plan.parallel()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                read(connection, new UserRanges.Range("", List.of()), target, progress);
                connection.commit();
            }
            log.info("Read {} ratings with one reader{} ({} rejected)", progress.rows.get(), progress.how(),
                    target.rejectedCount());
            return;
        }
        ReadConsistency consistency = plan.consistency();
        List<RatingsCollector> parts;
        List<UserRanges.Range> ranges;
        if (consistency.holdsCoordinator()) {
            try (Connection coordinator = coordinator(consistency)) {
                String snapshot = exportSnapshot(coordinator, plan);
                ranges = ranges(coordinator, plan);
                parts = readInParallel(ranges, target, consistency, plan.importSnapshot().apply(snapshot), progress);
                // the coordinator's transaction kept the exported snapshot importable until every reader had it
                coordinator.commit();
            }
        } else {
            try (Connection coordinator = coordinator(consistency)) {
                ranges = ranges(coordinator, plan);
                coordinator.commit();
            } // back in the pool before the readers ask for their connections
            parts = readInParallel(ranges, target, consistency, null, progress);
        }
        for (RatingsCollector part : parts) {
            target.absorb(part);
        }
        log.info("Read {} ratings with {} readers{} ({}, {} rejected)", progress.rows.get(), ranges.size(),
                progress.how(), consistency, target.rejectedCount());
    }

    private List<RatingsCollector> readInParallel(List<UserRanges.Range> ranges, RatingsCollector target,
                                                  ReadConsistency consistency, String importSnapshot,
                                                  Progress progress)
            throws SQLException {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(ranges.size(), r -> {
            Thread thread = new Thread(r, "ratings-reader-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // the run's log context (its jobExecutionId) goes with the work, so the readers' lines carry it too
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        try {
            List<Future<RatingsCollector>> futures = new ArrayList<>();
            for (UserRanges.Range range : ranges) {
                RatingsCollector part = target.newPart();
                futures.add(pool.submit(() -> {
                    if (logContext != null) {
                        MDC.setContextMap(logContext);
                    }
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(false);
                        connection.setTransactionIsolation(consistency.isolation());
                        if (importSnapshot != null) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute(importSnapshot);
                            }
                        }
                        read(connection, range, part, progress);
                        connection.commit();
                    } finally {
                        MDC.clear();
                    }
                    return part;
                }));
            }
            List<RatingsCollector> parts = new ArrayList<>();
            for (Future<RatingsCollector> future : futures) {
                parts.add(future.get());
            }
            return parts;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a ratings reader failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ratings", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void read(Connection connection, UserRanges.Range range, RatingsCollector into, Progress progress)
            throws SQLException {
        if (bulkRead && PostgresCopyReader.applies(connection)) {
            progress.copied = true;
            new PostgresCopyReader(validator, into).read(connection, query, range, fetchSize, progress::add);
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(query.select() + range.where())) {
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < range.bounds().size(); i++) {
                statement.setString(i + 1, range.bounds().get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                long local = 0;
                while (rows.next()) {
                    // the wall-clock value as stored: no Calendar and no trip through the JVM's time zone, which
                    // cost a fifth of the readers' time at 10 M ratings (and shifted times in a DST gap)
                    RawRating row = new RawRating(rows.getString(1), rows.getString(2), rows.getBigDecimal(3),
                            rows.getObject(4, LocalDateTime.class));
                    RejectReason reason = validator.check(row);
                    if (reason == null) {
                        into.accept(row);
                    } else {
                        into.reject(row, reason);
                    }
                    if (++local == fetchSize) {
                        progress.add(local);
                        local = 0;
                    }
                }
                progress.add(local);
            }
        }
    }

    private Connection coordinator(ReadConsistency consistency) throws SQLException {
        Connection coordinator = dataSource.getConnection();
        try {
            coordinator.setAutoCommit(false);
            coordinator.setTransactionIsolation(consistency.isolation());
            return coordinator;
        } catch (SQLException e) {
            coordinator.close();
            throw e;
        }
    }

    private List<UserRanges.Range> ranges(Connection coordinator, ReadPlan plan) throws SQLException {
        return UserRanges.of(coordinator, query.table(), query.userColumn(), plan.readers(), plan.boundarySample(),
                plan.idParameter());
    }

    private static String exportSnapshot(Connection coordinator, ReadPlan plan) throws SQLException {
        String export = plan.exportSnapshot().orElseThrow(
                () -> new IllegalStateException("this database exports no snapshot for its readers"));
        try (Statement statement = coordinator.createStatement(); ResultSet rs = statement.executeQuery(export)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Rows read by all readers together, logged every million so a long load is visible. */
    private static final class Progress {
        private final AtomicLong rows = new AtomicLong();
        private volatile boolean copied;

        String how() {
            return copied ? " over binary COPY" : "";
        }

        void add(long count) {
            long after = rows.addAndGet(count);
            if (after / PROGRESS_EVERY != (after - count) / PROGRESS_EVERY) {
                log.info("Read {} ratings so far", after);
            }
        }
    }
}
