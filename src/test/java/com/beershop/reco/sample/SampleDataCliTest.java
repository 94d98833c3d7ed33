package com.beershop.reco.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataCliTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesBothFilesAndExitsZero() throws IOException {
        // when
        int exit = run("--out", tmp.toString(), "--users", "50", "--products", "20", "--ratings", "400",
                "--seed=5");

        // then
        assertThat(exit).isZero();
        assertThat(Files.readAllLines(tmp.resolve("products.csv"))).hasSize(21);
        assertThat(Files.readAllLines(tmp.resolve("ratings.csv"))).hasSize(401);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 20 products and 400 ratings of 50 users");
    }

    @Test
    void missingOutputDirectoryExitsTwoWithUsage() {
        int exit = run("--users", "50");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out DIR is required", "Usage:");
    }

    @Test
    void badNumbersUnknownOptionsAndImpossibleSizesExitTwo() {
        assertThat(run("--out", tmp.toString(), "--users", "many")).isEqualTo(2);
        assertThat(run("--out", tmp.toString(), "--colour", "amber")).isEqualTo(2);
        assertThat(run("--out", tmp.toString(), "--seed")).isEqualTo(2);
        assertThat(run("--out", tmp.toString(), "--size", "XXL")).isEqualTo(2);
        assertThat(run("--out", tmp.toString(), "--users", "10", "--ratings", "5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--users must be a whole number, was many",
                "unknown option --colour", "--seed needs a value", "--size must be one of",
                "ratings must be between 20");
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:");
    }

    private int run(String... args) {
        return SampleDataCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
