package com.beershop.reco.delivery;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static com.beershop.reco.delivery.Manifests.REPO;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads the Dockerfile, so tests check (and run) what the image really does. */
final class DockerfileInstructions {

    static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

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
        assertThat(arguments).as("exec form (a JSON array), so java is PID 1 and gets SIGTERM").startsWith("[");
        return List.of(JsonMapper.builder().build().readValue(arguments, String[].class));
    }

    static List<String> entrypoint() throws IOException {
        return execForm(only(instructions(), "ENTRYPOINT"));
    }

    /** The options the ENTRYPOINT gives the JVM: everything between {@code java} and the launcher class. */
    static List<String> jvmOptions() throws IOException {
        List<String> entrypoint = entrypoint();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo(LAUNCHER);
        return entrypoint.subList(1, entrypoint.size() - 1);
    }
}
