package com.beershop.reco.delivery;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static com.beershop.reco.delivery.DockerfileInstructions.execForm;
import static com.beershop.reco.delivery.DockerfileInstructions.instructions;
import static com.beershop.reco.delivery.DockerfileInstructions.only;
import static com.beershop.reco.delivery.Manifests.cronJobPod;
import static com.beershop.reco.delivery.Manifests.migratePod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/** The image starts the application the way the manifests expect: the mode is the container's args. */
class DockerfileTest {

    @Test
    void shouldStartTheApplicationJarUnderTiniWithContainerAwareMemoryFlags() throws IOException {
        // given
        List<String> instructions = instructions();

        // when
        List<String> entrypoint = execForm(only(instructions, "ENTRYPOINT"));

        // then: tini is PID 1 (from the runtime stage's own packages) and java its only child
        assertThat(entrypoint).startsWith("/usr/bin/tini", "--", "java");
        assertThat(instructions.subList(instructions.indexOf("FROM eclipse-temurin:17-jre"), instructions.size()))
                .anyMatch(i -> i.startsWith("RUN ") && i.contains("apt-get install -y --no-install-recommends tini"));
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-Djava.io.tmpdir=/tmp")
                .endsWith(DockerfileInstructions.APPLICATION_JAR.toArray(String[]::new))
                .doesNotContain("sh", "-c");
        // -XX:+ExitOnOutOfMemoryError exits with 3, which the podFailurePolicy would read as REJECTED_INPUT
        assertThat(ExitCodes.REJECTED_INPUT).isEqualTo(3);
        assertThat(entrypoint).doesNotContain("-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void shouldAbortOnTheFirstOutOfMemoryErrorWritingTheCrashReportToTheWritableVolume() throws IOException {
        // given
        List<String> jvmOptions = DockerfileInstructions.jvmOptions();

        // when
        List<String> errorFiles = jvmOptions.stream().filter(o -> o.startsWith("-XX:ErrorFile=")).toList();

        // then: kill -9 from OnOutOfMemoryError never reaches PID 1; without a core dump the abort becomes exit 1
        assertThat(jvmOptions).contains("-XX:+CrashOnOutOfMemoryError")
                .noneMatch(o -> o.startsWith("-XX:OnOutOfMemoryError"))
                .doesNotContain("-XX:-CreateCoredumpOnCrash", "-XX:+ExitOnOutOfMemoryError");
        assertThat(errorFiles).singleElement().isEqualTo("-XX:ErrorFile=/tmp/hs_err_pid%p.log");
        assertThat(onlyContainer(cronJobPod(Manifests.rendered("production"))).getVolumeMounts())
                .as("/tmp is the pod's only writable place").anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
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

    /** The module of the iALS vector kernels (model/ials/RowKernels), which the image's JVM starts with. */
    private static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

    /**
     * The archive is written by a run of the very jar and JVM the ENTRYPOINT starts, in the runtime stage, as root
     * before the user changes (the job cannot rewrite it), and the ENTRYPOINT maps that file: an archive made from
     * another classpath or JVM would be refused at start, silently, and the night would load every class again.
     */
    @Test
    void shouldMapTheClassDataSharingArchiveThatTheImagesOwnTrainingRunWrote() throws IOException {
        // given
        List<String> instructions = instructions();
        List<String> runtime = instructions.subList(instructions.indexOf("FROM eclipse-temurin:17-jre"),
                instructions.size());

        // when
        List<String> training = runtime.stream().filter(i -> i.contains("-XX:ArchiveClassesAtExit=")).toList();

        // then
        assertThat(training).singleElement().isEqualTo("RUN java -XX:ArchiveClassesAtExit="
                + DockerfileInstructions.SHARED_ARCHIVE + " " + VECTOR_MODULE
                + " -Dspring.context.exit=onRefresh -jar /app/app.jar");
        assertThat(runtime.indexOf(training.get(0))).isLessThan(runtime.indexOf("USER " + only(instructions, "USER")));
        assertThat(runtime.indexOf(training.get(0))).isGreaterThan(runtime.indexOf(
                "COPY --from=build /build/extracted/application/ ./"));
        assertThat(DockerfileInstructions.jvmOptions()).contains("-XX:SharedArchiveFile="
                + DockerfileInstructions.SHARED_ARCHIVE);
        // the training run starts the JVM as a night does, module options included
        assertThat(DockerfileInstructions.jvmOptions()).filteredOn(o -> o.startsWith("--add-modules"))
                .containsExactly(VECTOR_MODULE);
        assertThat(runtime).contains("WORKDIR /app");
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
        // without --launcher: app.jar and lib/, plain jars a class-data sharing archive can hold
        assertThat(instructions).anyMatch(i -> i.contains("java -Djarmode=tools -jar app.jar extract --layers --destination extracted"))
                .noneMatch(i -> i.contains("--launcher"));
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

    @Test
    void shouldRecordTheCommitPassedAsABuildArgumentInGitPropertiesBeforeMavenPackages(@TempDir Path context)
            throws Exception {
        // given: the build stage's instructions, and a build context without .git (.dockerignore leaves it out)
        List<String> instructions = instructions();
        int arg = instructions.indexOf("ARG GIT_COMMIT=");
        String writeGitProperties = instructions.stream()
                .filter(i -> i.startsWith("RUN ") && i.contains("git.properties")).findFirst().orElseThrow();
        int mavenPackage = instructions.indexOf(instructions.stream()
                .filter(i -> i.startsWith("RUN mvn -B -DskipTests package")).findFirst().orElseThrow());
        Files.createDirectories(context.resolve("src/main/resources"));
        String commit = "0123456789abcdef0123456789abcdef01234567";

        // when: the RUN line, run by a shell as docker would, with and without the argument
        int withCommit = shell(context, writeGitProperties.substring(4), commit);
        Properties git = new Properties();
        try (Reader in = Files.newBufferedReader(context.resolve("src/main/resources/git.properties"))) {
            git.load(in);
        }
        Files.delete(context.resolve("src/main/resources/git.properties"));
        int withoutCommit = shell(context, writeGitProperties.substring(4), "");

        // then: Boot's GitProperties reads git.commit.id, and the run history records it as git_commit
        assertThat(arg).as("ARG GIT_COMMIT in the build stage").isPositive().isLessThan(mavenPackage);
        assertThat(instructions.indexOf(writeGitProperties)).isBetween(arg, mavenPackage);
        assertThat(withCommit).isZero();
        assertThat(git).containsEntry("git.commit.id", commit).containsEntry("git.commit.id.abbrev", "0123456");
        assertThat(withoutCommit).isZero();
        assertThat(context.resolve("src/main/resources/git.properties")).as("no argument, no file").doesNotExist();
    }

    private static int shell(Path directory, String script, String gitCommit) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script).directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("GIT_COMMIT", gitCommit);
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
