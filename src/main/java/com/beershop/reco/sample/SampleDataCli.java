package com.beershop.reco.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The command line of {@link SampleDataGenerator}: parses the arguments, writes the two CSV files. */
public final class SampleDataCli {

    private SampleDataCli() {
    }

    /**
     * Command line: {@code --out DIR [--size SAMPLE|S|M|L] [--users N] [--products N] [--ratings N] [--seed N]
     * [--inactive-share X]}. Sizes default to {@code --size}, itself defaulting to SAMPLE; the seed defaults to
     * {@link SampleSize#DEFAULT_SEED}. Exit code 0 on success, 2 on bad arguments, 1 on an I/O error.
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static final String USAGE = """
            Usage: SampleDataCli --out DIR [--size SAMPLE|S|M|L] [--users N] [--products N] [--ratings N]
                                 [--seed N] [--inactive-share X]
              Writes DIR/products.csv and DIR/ratings.csv: a synthetic beer-shop data set, the same for the same
              arguments. --size picks named sizes (default SAMPLE: 3000 users, 300 products, 60000 ratings);
              --users, --products and --ratings override them. --seed defaults to %d, --inactive-share to %s.
            """.formatted(SampleSize.DEFAULT_SEED, SampleDataSpec.DEFAULT_INACTIVE_SHARE);

    /** main without System.exit, for tests: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        SampleDataSpec spec;
        Path dir;
        try {
            Arguments parsed = Arguments.parse(args);
            if (parsed == null) {
                out.print(USAGE);
                return 0;
            }
            dir = parsed.out;
            spec = parsed.spec;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        long startNanos = System.nanoTime();
        try {
            new SampleDataGenerator(spec).writeCsv(dir);
        } catch (IOException e) {
            err.println("error: could not write to " + dir + ": " + e);
            return 1;
        }
        out.printf(Locale.ROOT, "wrote %d products and %d ratings of %d users to %s in %.1f s%n", spec.products(),
                spec.ratings(), spec.users(), dir, (System.nanoTime() - startNanos) / 1e9);
        return 0;
    }

    private record Arguments(Path out, SampleDataSpec spec) {

        private static final List<String> OPTIONS = List.of("--out", "--size", "--users", "--products", "--ratings",
                "--seed", "--inactive-share");

        /** Null when help was asked for. */
        static Arguments parse(String[] args) {
            Path out = null;
            SampleSize size = SampleSize.SAMPLE;
            Integer users = null;
            Integer products = null;
            Long ratings = null;
            long seed = SampleSize.DEFAULT_SEED;
            double inactiveShare = SampleDataSpec.DEFAULT_INACTIVE_SHARE;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    return null;
                }
                String value;
                int equals = name.indexOf('=');
                if (equals > 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    value = null;
                }
                if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option " + name);
                }
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                switch (name) {
                    case "--out" -> out = Path.of(value);
                    case "--size" -> size = sizeNamed(value);
                    case "--users" -> users = (int) number(name, value, Integer.MAX_VALUE);
                    case "--products" -> products = (int) number(name, value, Integer.MAX_VALUE);
                    case "--ratings" -> ratings = number(name, value, Long.MAX_VALUE);
                    case "--seed" -> seed = seed(value);
                    default -> inactiveShare = share(value);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            SampleDataSpec spec = new SampleDataSpec(users != null ? users : size.users(),
                    products != null ? products : size.products(), ratings != null ? ratings : size.ratings(),
                    seed, inactiveShare);
            return new Arguments(out, spec);
        }

        private static SampleSize sizeNamed(String value) {
            try {
                return SampleSize.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--size must be one of " + Arrays.toString(SampleSize.values())
                        + ", was " + value);
            }
        }

        private static long number(String name, String value, long max) {
            try {
                long n = Long.parseLong(value);
                if (n < 1 || n > max) {
                    throw new IllegalArgumentException(name + " must be between 1 and " + max + ", was " + value);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was " + value);
            }
        }

        private static long seed(String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed must be a whole number, was " + value);
            }
        }

        private static double share(String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--inactive-share must be a number, was " + value);
            }
        }
    }
}
