package com.beershop.reco.delivery;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.testing.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Out of memory and SIGTERM end the run with their own exit codes, which the CronJob's podFailurePolicy maps, when
 * the image's entry command runs as PID 1 of a PID namespace of its own: what a container without
 * {@code shareProcessNamespace} is. {@code unshare -p -f --mount-proc} makes that namespace here (the kernel drops
 * a signal that PID 1 sends itself, so a plain child process would hide the difference). The command is the
 * Dockerfile's own ENTRYPOINT and CMD (read from it, so the test follows the image), with this machine's java and
 * classpath and a heap far too small for the sample shop.
 */
class OutOfMemoryExitCodeTest {

    @TempDir
    Path crashDir;

    @Test
    void shouldAbortWithTheOutOfMemoryExitCodeAndACrashReportWhenTheHeapRunsOutUnderTheImagesPid1() throws Exception {
        // given: a later -Xmx and -XX:ErrorFile override the image's heap share and crash-report folder
        List<String> command = asPid1OfANewPidNamespace(List.of("-Xmx24m",
                "-XX:ErrorFile=" + crashDir.resolve("hs_err_pid%p.log")), "oom");
        Path log = crashDir.resolve("run.log");

        // when
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = run.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly().waitFor();
        }

        // then: 134, not the 127 of a JVM that is itself PID 1 and whose abort signal the kernel drops
        assertThat(ended).as("the run ended").isTrue();
        assertThat(run.exitValue()).as(Files.readString(log)).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(Files.readString(log)).contains("Aborting due to java.lang.OutOfMemoryError");
        try (Stream<Path> files = Files.list(crashDir)) {
            List<Path> reports = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
            assertThat(reports).singleElement().satisfies(r ->
                    assertThat(Files.readString(r)).contains("OutOfMemory encountered: Java heap space"));
        }
    }

    @Test
    void shouldStopGracefullyWhenPid1OfTheImageGetsSigterm() throws Exception {
        // given: a run of the sample shop choosing its model (some seconds), started by the image's entry command
        List<String> command = asPid1OfANewPidNamespace(List.of(), "sigterm",
                "--logging.level.org.springframework.batch=INFO");
        Path log = crashDir.resolve("run.log");
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.readString(log).contains("Executing step: [selectModelStep]")) {
            assertThat(run.isAlive()).as("ended before the selection: " + Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the selection did not start in time").isLessThan(deadline);
            Thread.sleep(50);
        }

        // when: what the kubelet does, SIGTERM to the container's PID 1 (unshare's child, in this namespace)
        ProcessHandle pid1 = run.toHandle().children().findFirst().orElseThrow();
        pid1.destroy();
        boolean ended = run.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly().waitFor();
        }

        // then: the signal reached the JVM, which stopped the job and ended with the SIGTERM code
        assertThat(ended).as("the run ended after SIGTERM").isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(ExitCodes.TERMINATED);
        assertThat(output).contains("Shutdown signal: stopping job execution", "Shutdown: the job ended");
    }

    /** The image's entry command as PID 1 of a new PID namespace, on an in-memory database of its own. */
    private static List<String> asPid1OfANewPidNamespace(List<String> jvmOptions, String database, String... arguments)
            throws Exception {
        ExternalTool.TINI.require();
        List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--mount-proc"));
        List<String> applicationArguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1"));
        applicationArguments.addAll(List.of(arguments));
        command.addAll(DockerfileInstructions.entryCommandOnThisMachine(BeerRecoApplication.class.getName(),
                jvmOptions, applicationArguments));
        return command;
    }
}
