package com.beershop.reco.delivery;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.beershop.reco.delivery.Manifests.REPO;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads the Dockerfile, so tests check (and run) what the image really does. */
final class DockerfileInstructions {

    /** The image runs its application jar: the ENTRYPOINT ends with these two words. */
    static final List<String> APPLICATION_JAR = List.of("-jar", "/app/app.jar");
    /** The class-data sharing archive the image's build writes and its ENTRYPOINT maps. */
    static final String SHARED_ARCHIVE = "/app/app.jsa";

    private DockerfileInstructions() {
    }

    /** Instructions of the Dockerfile, continuation lines joined, comments dropped. */
    static List<String> instructions() throws IOException {
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

    static String only(List<String> instructions, String keyword) {
        List<String> found = instructions.stream().filter(i -> i.startsWith(keyword + " ")).toList();
        assertThat(found).as(keyword).hasSize(1);
        return found.get(0).substring(keyword.length() + 1).strip();
    }

    static List<String> execForm(String arguments) {
        assertThat(arguments).as("exec form (a JSON array): no shell between the init and java").startsWith("[");
        return List.of(JsonMapper.builder().build().readValue(arguments, String[].class));
    }

    static List<String> entrypoint() throws IOException {
        return execForm(only(instructions(), "ENTRYPOINT"));
    }

    /** The options the ENTRYPOINT gives the JVM: everything between {@code java} and {@code -jar}. */
    static List<String> jvmOptions() throws IOException {
        List<String> entrypoint = entrypoint();
        int java = entrypoint.indexOf("java");
        assertThat(java).as("java in " + entrypoint).isNotNegative();
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).isEqualTo(APPLICATION_JAR);
        return entrypoint.subList(java + 1, entrypoint.size() - 2);
    }

    /**
     * The image's ENTRYPOINT followed by its CMD, as this machine can run it: the image's {@code java} is this
     * JVM's, its application jar is the application's main class on this classpath, its class-data sharing
     * archive (made only by the image's build) is left out, {@code moreJvmOptions} come last among the JVM's
     * options (a later -Xmx or -XX:ErrorFile wins) and {@code moreArguments} after the CMD. Everything else (an
     * init in front of java, its flags) runs as the image has it.
     */
    static List<String> entryCommandOnThisMachine(String mainClass, List<String> moreJvmOptions,
                                                  List<String> moreArguments) throws IOException {
        List<String> entrypoint = entrypoint();
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).isEqualTo(APPLICATION_JAR);
        List<String> command = new ArrayList<>();
        for (String word : entrypoint.subList(0, entrypoint.size() - 2)) {
            if (word.equals("java")) {
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            } else if (!word.equals("-XX:SharedArchiveFile=" + SHARED_ARCHIVE)) {
                command.add(word);
            }
        }
        command.addAll(moreJvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(execForm(only(instructions(), "CMD")));
        command.addAll(moreArguments);
        return command;
    }
}
