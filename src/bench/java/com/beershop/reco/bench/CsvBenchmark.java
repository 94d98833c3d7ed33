package com.beershop.reco.bench;

import com.beershop.reco.ingest.RawRating;
import com.beershop.reco.sample.CsvFields;
import com.beershop.reco.sample.RatingSink;
import com.beershop.reco.sample.SampleDataCsv;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample-data CSV syntax, hand-written against FastCSV and Jackson's CSV module, on an export such as the
 * 10 M-rating {@code --size L} one. Each variant runs in a JVM of its own (same heap cap, no JIT or GC state carried
 * over), so peak heap is that variant's alone. Not a test:
 * <pre>
 * java -cp target/classes com.beershop.reco.sample.SampleDataCli --out /work/data/sample-L --size L
 * mvn -B -Pbenchmark test-compile exec:exec -Dbench.main=com.beershop.reco.bench.CsvBenchmark \
 *     -Dbench.args="dir=/work/data/sample-L rounds=2 xmx=1g"
 * </pre>
 * Read variants split {@code ratings.csv} into fields: {@code read-hand} with the reader as it was before issue 23
 * ({@link HandWrittenCsvReader}), {@code read-fastcsv} with FastCSV's records, {@code read-jackson} with Jackson's
 * token stream; {@code read-typed} is {@code SampleDataCsv.readRatings}, FastCSV plus the typed fast paths, the rows
 * the seeder gets. They must agree on rows and on the sum of field lengths, or the run fails. Write variants write
 * {@code rows} rows, cycled from the file's first 100 k, into a buffered writer that discards them:
 * {@code write-hand} with {@code CsvFields} (what the product writes with), {@code write-fastcsv} with FastCSV's
 * writer, {@code write-typed} is {@code SampleDataCsv.ratingWriter}, the generator's.
 */
public final class CsvBenchmark {

    static final List<String> VARIANTS = List.of("read-hand", "read-fastcsv", "read-jackson", "read-typed",
            "write-hand", "write-fastcsv", "write-typed");
    private static final Pattern RESULT = Pattern.compile(
            "CSVBENCH variant=(\\S+) rows=(\\d+) checksum=(\\d+) seconds=([\\d.]+) peak_heap_mb=(\\d+)");
    private static final int SAMPLE_ROWS = 100_000;

    private CsvBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("dir", "/work/data/sample-L", "rounds", "2",
                "xmx", "1g", "rows", "10000000", "variants", String.join(",", VARIANTS)));
        for (String arg : args) {
            String option = arg.startsWith("--") ? arg.substring(2) : arg;
            int equals = option.indexOf('=');
            options.put(option.substring(0, equals), option.substring(equals + 1));
        }
        Path file = Path.of(options.get("dir"), SampleDataCsv.RATINGS_FILE);
        long rows = Long.parseLong(options.get("rows"));
        if (options.containsKey("variant")) {
            runOne(options.get("variant"), file, rows);
            return;
        }
        System.out.printf(Locale.ROOT, "CSV benchmark on %s (%d MB), -Xmx%s, %d round(s), load average %s%n", file,
                Files.size(file) >> 20, options.get("xmx"), Integer.parseInt(options.get("rounds")), loadAverage());
        System.out.printf(Locale.ROOT, "%-16s %5s %11s %9s %12s %13s %s%n", "variant", "round", "rows", "seconds",
                "rows/s", "peak heap MB", "load avg (1 min) after");
        Map<String, String> checksums = new LinkedHashMap<>();
        for (int round = 1; round <= Integer.parseInt(options.get("rounds")); round++) {
            for (String variant : options.get("variants").split(",")) {
                Matcher result = runChild(variant, options);
                long count = Long.parseLong(result.group(2));
                double seconds = Double.parseDouble(result.group(4));
                System.out.printf(Locale.ROOT, "%-16s %5d %11d %9.2f %12.0f %13s %s%n", variant, round, count,
                        seconds, count / seconds, result.group(5), loadAverage());
                if (variant.startsWith("read-") && !variant.equals("read-typed")) {
                    checksums.put(variant, result.group(2) + "/" + result.group(3));
                }
            }
        }
        if (checksums.values().stream().distinct().count() > 1) {
            throw new IllegalStateException("the readers disagree (rows/sum of field lengths): " + checksums);
        }
    }

    private static Matcher runChild(String variant, Map<String, String> options) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx" + options.get("xmx"), "-cp",
                System.getProperty("java.class.path"), CsvBenchmark.class.getName(), "variant=" + variant,
                "dir=" + options.get("dir"), "rows=" + options.get("rows"))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher result = RESULT.matcher(output);
        if (child.waitFor() != 0 || !result.find()) {
            throw new IllegalStateException(variant + " failed:\n" + output);
        }
        return result;
    }

    private static void runOne(String variant, Path file, long rows) throws IOException {
        List<String[]> sample = variant.startsWith("write-") ? head(file) : List.of();
        List<RawRating> typed = variant.startsWith("write-typed") ? typed(sample) : List.of();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long[] result = switch (variant) {
            case "read-hand" -> readHandWritten(file);
            case "read-fastcsv" -> readFastCsv(file);
            case "read-jackson" -> readJackson(file);
            case "read-typed" -> new long[] {SampleDataCsv.readRatings(file, row -> { }), 0};
            case "write-hand" -> writeHandWritten(sample, rows);
            case "write-fastcsv" -> writeFastCsv(sample, rows);
            case "write-typed" -> writeTyped(typed, rows);
            default -> throw new IllegalArgumentException("unknown variant " + variant + ", one of " + VARIANTS);
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "CSVBENCH variant=%s rows=%d checksum=%d seconds=%.3f peak_heap_mb=%d%n",
                variant, result[0], result[1], seconds, SparkSideBySide.peakHeapMb());
    }

    private static long[] readHandWritten(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            HandWrittenCsvReader records = new HandWrittenCsvReader(in, file.toString());
            records.readHeader(SampleDataCsv.RATING_COLUMNS);
            long rows = 0;
            long sum = 0;
            while (records.next()) {
                for (String field : records.fields()) {
                    sum += field.length();
                }
                rows++;
            }
            return new long[] {rows, sum};
        }
    }

    private static long[] readFastCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CsvReader<CsvRecord> records = CsvReader.builder().allowUnclosedQuote(false).ofCsvRecord(in)) {
            long rows = -1;
            long sum = 0;
            for (CsvRecord record : records) {
                if (rows++ >= 0) {
                    for (String field : record.getFields()) {
                        sum += field.length();
                    }
                }
            }
            return new long[] {rows, sum};
        }
    }

    private static long[] readJackson(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser records = new CsvMapper().createParser(in)) {
            long rows = -1;
            long sum = 0;
            while (records.nextToken() == JsonToken.START_ARRAY) {
                long fields = 0;
                while (records.nextToken() == JsonToken.VALUE_STRING) {
                    fields += records.getString().length();
                }
                if (rows++ >= 0) {
                    sum += fields;
                }
            }
            return new long[] {rows, sum};
        }
    }

    private static long[] writeHandWritten(List<String[]> sample, long rows) throws IOException {
        try (Writer out = discarding()) {
            StringBuilder line = new StringBuilder(64);
            for (long i = 0; i < rows; i++) {
                String[] row = sample.get((int) (i % sample.size()));
                line.setLength(0);
                for (int f = 0; f < row.length; f++) {
                    CsvFields.append(f == 0 ? line : line.append(','), row[f]);
                }
                out.append(line.append('\n'));
            }
        }
        return new long[] {rows, 0};
    }

    /** As {@code sample/CsvLineWriter} does it: FastCSV's buffer emptied into the target after every record. */
    private static long[] writeFastCsv(List<String[]> sample, long rows) throws IOException {
        try (Writer out = discarding()) {
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new FilterWriter(out) {
                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            for (long i = 0; i < rows; i++) {
                csv.writeRecord(sample.get((int) (i % sample.size())));
                csv.flush();
            }
        }
        return new long[] {rows, 0};
    }

    private static long[] writeTyped(List<RawRating> typed, long rows) throws IOException {
        try (Writer out = discarding()) {
            RatingSink sink = SampleDataCsv.ratingWriter(out);
            for (long i = 0; i < rows; i++) {
                sink.accept(typed.get((int) (i % typed.size())));
            }
        }
        return new long[] {rows, 0};
    }

    private static List<RawRating> typed(List<String[]> sample) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", SampleDataCsv.RATING_COLUMNS)).append('\n');
        for (String[] row : sample) {
            text.append(String.join(",", row)).append('\n');
        }
        List<RawRating> typed = new ArrayList<>(sample.size());
        SampleDataCsv.readRatings(new StringReader(text.toString()), "sample", typed::add);
        return typed;
    }

    /** The first rows of the file as text fields (the generated files have one record per line). */
    private static List<String[]> head(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>(SAMPLE_ROWS);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null && rows.size() < SAMPLE_ROWS; line = in.readLine()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    /** Buffered like the generator's writer, then dropped: the CSV work without the disk. */
    private static Writer discarding() {
        return new BufferedWriter(Writer.nullWriter(), 1 << 16);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
