package com.beershop.reco.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The programs and services outside the JVM that some tests need (README "Running the tests" names them, .ci/run
 * installs or starts each). Under CI ({@code CI=true}) a missing one fails the test with one line that names it and
 * how to get it; elsewhere the test is skipped with that line, and {@link SkippedTestsSummary} lists it at the end.
 */
public enum ExternalTool {

    KUBECTL("kubectl", "renders the Kustomize overlays", "the google-cloud-cli package, or .ci/run's copy from npm"),
    PROMTOOL("promtool", "checks and unit-tests the alert rules", "apt-get install prometheus"),
    TINI("tini", "is PID 1 of the image's entry command, which the PID-namespace tests run", "apt-get install tini"),
    PUSHGATEWAY("Pushgateway on 127.0.0.1:9091", "receives the pushed run metrics",
            "apt-get install prometheus-pushgateway; prometheus-pushgateway --web.listen-address=127.0.0.1:9091");

    /** Where the tests find the Pushgateway that .ci/run starts. */
    public static final String PUSHGATEWAY_URL = "http://127.0.0.1:9091";

    private final String name;
    private final String purpose;
    private final String howToGet;

    ExternalTool(String name, String purpose, String howToGet) {
        this.name = name;
        this.purpose = purpose;
        this.howToGet = howToGet;
    }

    /** The program's path on PATH (for a service, its address), failing or skipping the test when it is missing. */
    public String require() {
        Optional<String> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String line = "missing external tool: " + name + " (" + purpose + "); get it with: " + howToGet;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(line);
        }
        Assumptions.abort(line);
        throw new AssertionError("unreachable");
    }

    /** The program on PATH, or the service when it answers; empty when neither. */
    public Optional<String> find() {
        if (this == PUSHGATEWAY) {
            return pushgatewayReady() ? Optional.of(PUSHGATEWAY_URL) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    private static boolean pushgatewayReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(PUSHGATEWAY_URL + "/-/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
