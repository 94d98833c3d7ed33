package com.beershop.reco.delivery;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static com.beershop.reco.delivery.Manifests.REPO;
import static com.beershop.reco.delivery.Manifests.cronJobPod;
import static com.beershop.reco.delivery.Manifests.migratePod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/** The image starts the application the way the manifests expect: the mode is the container's args. */
class DockerfileTest {

    /** Instructions of the Dockerfile, continuation lines joined, comments dropped. */
    private static List<String> instructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(REPO.resolve("Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                instructions.add(current.append(trimmed).toString());
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static String only(List<String> instructions, String keyword) {
        List<String> found = instructions.stream().filter(i -> i.startsWith(keyword + " ")).toList();
        assertThat(found).as(keyword).hasSize(1);
        return found.get(0).substring(keyword.length() + 1).strip();
    }

    private static List<String> execForm(String arguments) {
        assertThat(arguments).as("exec form (a JSON array), so java is PID 1 and gets SIGTERM").startsWith("[");
        return List.of(JsonMapper.builder().build().readValue(arguments, String[].class));
    }

    @Test
    void shouldStartTheBootLauncherDirectlyWithContainerAwareMemoryFlags() throws IOException {
        // given
        List<String> instructions = instructions();

        // when
        List<String> entrypoint = execForm(only(instructions, "ENTRYPOINT"));

        // then
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-Djava.io.tmpdir=/tmp")
                .endsWith("org.springframework.boot.loader.launch.JarLauncher")
                .doesNotContain("-jar", "sh", "-c");
        // -XX:+ExitOnOutOfMemoryError exits with 3, which the podFailurePolicy would read as REJECTED_INPUT
        assertThat(ExitCodes.REJECTED_INPUT).isEqualTo(3);
        assertThat(entrypoint).doesNotContain("-XX:+ExitOnOutOfMemoryError").contains("-XX:OnOutOfMemoryError=kill -9 %p");
    }

    @Test
    void shouldRunTheNightlyModeByDefaultAsAFixedNonRootUser() throws IOException {
        // given
        List<String> instructions = instructions();

        // when
        List<String> cmd = execForm(only(instructions, "CMD"));
        String user = only(instructions, "USER");
        int uid = Integer.parseInt(user.split(":")[0]);

        // then
        assertThat(cmd).containsExactly("run");
        assertThat(uid).isNotZero().isEqualTo(cronJobPod(Manifests.rendered("production")).getSecurityContext().getRunAsUser().intValue());
        assertThat(user).as("numeric, so runAsNonRoot can verify it").matches("\\d+(:\\d+)?");
    }

    @Test
    void shouldCopyTheFourBootLayersFromTheToolsExtractionInCacheFriendlyOrder() throws IOException {
        // given
        List<String> instructions = instructions();

        // when
        List<String> stages = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        List<String> layerCopies = instructions.stream().filter(i -> i.startsWith("COPY --from=build /build/extracted/")).toList();

        // then
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).startsWith("FROM maven:3.9-eclipse-temurin-17 ");
        assertThat(stages.get(1)).isEqualTo("FROM eclipse-temurin:17-jre");
        assertThat(instructions).anyMatch(i -> i.contains("java -Djarmode=tools -jar app.jar extract --layers --launcher"));
        assertThat(layerCopies).extracting(c -> c.split("/")[3]).containsExactly("dependencies", "spring-boot-loader",
                "snapshot-dependencies", "application");
    }

    @Test
    void shouldGiveTheCronJobAndTheHookModesTheApplicationAccepts() throws Exception {
        // given
        List<String> modes = com.beershop.reco.ModeRunner.MODES;

        // when
        List<String> cronJobArgs = onlyContainer(cronJobPod(Manifests.rendered("production"))).getArgs();
        List<String> hookArgs = onlyContainer(migratePod(Manifests.rendered("production"))).getArgs();
        List<String> defaultArgs = execForm(only(instructions(), "CMD"));

        // then
        assertThat(cronJobArgs).containsExactly("run");
        assertThat(hookArgs).containsExactly("migrate");
        assertThat(modes).contains(cronJobArgs.get(0), hookArgs.get(0), defaultArgs.get(0));
    }

    @Test
    void shouldRefuseAModeTheApplicationDoesNotKnowWithTheConfigurationExitCode() {
        // given: what a typo in the manifests' args would do
        String[] args = {"migrat", "--spring.datasource.url=jdbc:h2:mem:badmode;MODE=MSSQLServer;DB_CLOSE_DELAY=-1"};

        // when
        int exitCode = BeerRecoApplication.execute(args);

        // then: FailJob at once, no retries
        assertThat(exitCode).isEqualTo(ExitCodes.CONFIGURATION);
    }
}
