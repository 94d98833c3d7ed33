package com.beershop.reco.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A scratch copy of cronjob/, on which tests run the shell commands docs/operations.md tells an operator to run. */
final class RepoCopy {

    private RepoCopy() {
    }

    /** Copies cronjob/ to {@code root}/cronjob and returns {@code root}. */
    static Path of(Path root) {
        try (Stream<Path> walk = Files.walk(Manifests.CRONJOB)) {
            for (Path source : walk.toList()) {
                Path target = root.resolve(Manifests.REPO.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code command} with /bin/sh in {@code root}, as an operator would from the repository's top. */
    static String run(Path root, String command) {
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", command).directory(root.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command).isTrue();
            assertThat(process.exitValue()).as(command + "\n" + output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
