package com.beershop.reco.job;

import com.beershop.reco.BeerRecoApplication;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application's own {@code main} in a JVM of its own, as {@code java -jar} starts it: the class path without
 * the tests' classes, so Spring Boot's default logging (INFO, to the console) is in force rather than the tests'
 * quiet logback-test.xml. Standard output and standard error are read apart.
 */
final class ChildJvm {

    record Ended(int exitCode, String out, String err) {
    }

    private ChildJvm() {
    }

    static Ended run(Path workDir, List<String> arguments) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, BeerRecoApplication.class.getName()));
        command.addAll(arguments);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the application did not end within 5 minutes: " + Files.readString(err));
        }
        return new Ended(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
