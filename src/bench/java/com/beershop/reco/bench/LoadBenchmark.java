package com.beershop.reco.bench;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.ingest.ParallelRatingsLoader;
import com.beershop.reco.ingest.RatingValidator;
import com.beershop.reco.ingest.RatingsQuery;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.ReadConsistency;
import com.beershop.reco.ingest.ReadPlan;
import com.beershop.reco.schema.DatabaseDialect;
import com.beershop.reco.schema.DatabaseVendor;
import com.beershop.reco.sample.SampleSize;
import com.zaxxer.hikari.HikariDataSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The ratings load alone, by reader count, on a fresh PostgreSQL database with the generated shop: rows per
 * second of {@link ParallelRatingsLoader} (exported snapshot, validation, interning, fingerprint, merge and the
 * matrix build), each count run twice after one warm-up, with the machine's load average beside each; with
 * {@code bulk-read=true,false}, each count over binary COPY and over a JDBC result set, back to back. Not a test:
 * {@code mvn -Pbenchmark test-compile exec:exec -Dbench.main=com.beershop.reco.bench.LoadBenchmark
 * -Dbench.args="size=M readers=1,2,4 bulk-read=true,false"}.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SampleSize size = SampleSize.M;
        String readers = "1,2,4";
        String bulkReads = "true";
        for (String arg : args) {
            String option = arg.startsWith("--") ? arg.substring(2) : arg;
            if (option.startsWith("size=")) {
                size = SampleSize.valueOf(option.substring(5).toUpperCase(Locale.ROOT));
            } else if (option.startsWith("readers=")) {
                readers = option.substring(8);
            } else if (option.startsWith("bulk-read=")) {
                bulkReads = option.substring(10);
            }
        }
        NightlyRunBenchmark.Target target = NightlyRunBenchmark.Target.postgres(size);
        try (HikariDataSource dataSource = new HikariDataSource()) {
            if (BeerRecoApplication.execute(target.args("migrate").toArray(String[]::new)) != 0) {
                throw new IllegalStateException("migrate failed");
            }
            target.load(size.spec());
            dataSource.setJdbcUrl(target.url);
            dataSource.setUsername(target.user);
            dataSource.setMaximumPoolSize(12);
            boolean warm = false;
            for (String count : readers.split(",")) {
                int n = Integer.parseInt(count.trim());
                for (int round = 0; round < 2; round++) {
                    for (String bulk : bulkReads.split(",")) {
                        boolean bulkRead = Boolean.parseBoolean(bulk.trim());
                        ParallelRatingsLoader loader = new ParallelRatingsLoader(dataSource,
                                new RatingsQuery("ratings", "user_id", "product_id", "rating", "rated_at"),
                                new RatingValidator(BigDecimal.ONE, new BigDecimal("5"), 64), 10_000, bulkRead);
                        if (!warm) {
                            run(loader, 1, size, "warm-up");
                            warm = true;
                        }
                        run(loader, n, size, bulkRead ? "binary COPY" : "JDBC result set");
                    }
                }
            }
        } finally {
            target.drop();
        }
    }

    private static void run(ParallelRatingsLoader loader, int readers, SampleSize size, String note)
            throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        RatingsCollector collector = new RatingsCollector();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        DatabaseDialect postgres = DatabaseVendor.POSTGRESQL.dialect();
        loader.load(collector, readers == 1 ? ReadPlan.singleReader()
                : new ReadPlan(readers, ReadConsistency.EXPORTED_SNAPSHOT, postgres.tableSample(), "?",
                        postgres.exportSnapshot(), postgres::importSnapshot));
        collector.matrix();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long rows = collector.acceptedCount() + collector.rejectedCount();
        System.out.printf(Locale.ROOT, "LOAD size=%s readers=%d rows=%d seconds=%.2f cpu_s=%.2f rows_per_s=%.0f"
                + " load_avg=%s %s (fingerprint %s)%n", size, readers, rows, seconds, cpu, rows / seconds, load, note,
                collector.fingerprint());
    }
}
