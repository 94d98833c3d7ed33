package com.beershop.reco.delivery;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
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
 * Out of memory ends the run with its own exit code, which the CronJob's podFailurePolicy maps. The application
 * runs in a child JVM with the Dockerfile's own JVM options (read from it, so the test follows the image) and a
 * heap far too small for the sample shop.
 */
class OutOfMemoryExitCodeTest {

    @TempDir
    Path crashDir;

    @Test
    void shouldAbortWithTheOutOfMemoryExitCodeAndACrashReportWhenTheHeapRunsOut() throws Exception {
        // given: the image's options; a later -Xmx and -XX:ErrorFile override its heap share and crash-report folder
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(DockerfileInstructions.jvmOptions());
        command.addAll(List.of("-Xmx24m", "-XX:ErrorFile=" + crashDir.resolve("hs_err_pid%p.log"),
                "-cp", System.getProperty("java.class.path"), BeerRecoApplication.class.getName(), "run",
                "--spring.datasource.url=jdbc:h2:mem:oom;MODE=MSSQLServer;DB_CLOSE_DELAY=-1"));
        Path log = crashDir.resolve("run.log");

        // when
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = run.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly().waitFor();
        }

        // then
        assertThat(ended).as("the run ended").isTrue();
        assertThat(run.exitValue()).as(Files.readString(log)).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(Files.readString(log)).contains("Aborting due to java.lang.OutOfMemoryError");
        try (Stream<Path> files = Files.list(crashDir)) {
            List<Path> reports = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
            assertThat(reports).singleElement().satisfies(r ->
                    assertThat(Files.readString(r)).contains("OutOfMemory encountered: Java heap space"));
        }
    }
}
