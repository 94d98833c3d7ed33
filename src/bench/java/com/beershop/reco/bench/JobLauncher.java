package com.beershop.reco.bench;

import com.beershop.reco.BeerRecoApplication;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the benchmark starts a night in a JVM of its own, as the image starts the job: on the classes and runtime
 * dependencies the jar ships ({@code target/bench/job-classpath.txt}, written by the benchmark profile), not on the
 * benchmark's own classpath (Spark, log4j-core, test resources), and with the class-data sharing archive the image
 * makes at build time (a training run that stops once Spring's context is refreshed, then
 * {@code -XX:SharedArchiveFile}). An archive holds classes from jars only, so the job's classes go into a jar first.
 */
final class JobLauncher {

    private static final Path DIR = Path.of("target", "bench", "cds");

    private final List<String> jvm;
    private final String classpath;

    private JobLauncher(List<String> jvm, String classpath) {
        this.jvm = jvm;
        this.classpath = classpath;
    }

    /**
     * @param cds    whether to make and use a class-data sharing archive, as the image does
     * @param vector whether to start the nights with the Vector API module, as the image does (the iALS vector
     *               kernels); without it they run the scalar kernels, to the same bits
     */
    static JobLauncher prepare(boolean cds, boolean vector) throws IOException, InterruptedException {
        List<String> modules = vector ? List.of("--add-modules", "jdk.incubator.vector") : List.of();
        Path dependencies = Path.of("target", "bench", "job-classpath.txt");
        if (!Files.isRegularFile(dependencies)) {
            System.out.println("No " + dependencies + ": the nights run on the benchmark's classpath, without CDS");
            return new JobLauncher(modules, System.getProperty("java.class.path"));
        }
        String libraries = Files.readString(dependencies).strip();
        if (!cds) {
            return new JobLauncher(modules, Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
                    + libraries);
        }
        Files.createDirectories(DIR);
        Path jar = DIR.resolve("job.jar").toAbsolutePath();
        Path archive = DIR.resolve("job.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        run(List.of(tool("jar"), "--create", "--file", jar.toString(), "-C", "target/classes", "."), "jar");
        String classpath = jar + File.pathSeparator + libraries;
        // the image's training run: the default configuration (in-memory H2), stopped after the context refresh
        // the archive is made with the module options the nights start with: a JVM maps it only then
        List<String> training = new ArrayList<>(List.of(tool("java"), "-XX:ArchiveClassesAtExit=" + archive));
        training.addAll(modules);
        training.addAll(List.of("-Dspring.context.exit=onRefresh", "-cp", classpath, BeerRecoApplication.class.getName()));
        run(training, "CDS training run");
        System.out.println("Class-data sharing archive for the nights: " + archive + " (" + Files.size(archive) / 1024
                / 1024 + " MB)");
        List<String> jvm = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
        jvm.addAll(modules);
        return new JobLauncher(jvm, classpath);
    }

    /** The command that starts the job's main class with this heap cap; the job's arguments follow it. */
    List<String> command(String xmx) {
        List<String> command = new ArrayList<>(List.of(tool("java"), "-Xmx" + xmx));
        command.addAll(jvm);
        command.addAll(List.of("-cp", classpath, BeerRecoApplication.class.getName()));
        return command;
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Path log = DIR.resolve(what.replace(' ', '-') + ".log");
        int exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(what + " failed with exit " + exit + " (log: " + log + ")");
        }
    }
}
