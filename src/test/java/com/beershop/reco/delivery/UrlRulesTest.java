package com.beershop.reco.delivery;

import com.beershop.reco.config.JobProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL Server JDBC URLs the repository documents or configures (README, docs, manifests, application
 * configuration), held to two mssql-jdbc facts that no database here can show.
 */
class UrlRulesTest {

    private static final Pattern URL = Pattern.compile("jdbc:sqlserver://[^\\s'\"`)]+");
    private static final Pattern SOCKET_TIMEOUT = Pattern.compile("(?i);sockettimeout=(\\d+)");
    private static final Pattern QUERY_TIMEOUT = Pattern.compile("RECO_JOB_QUERY_TIMEOUT=(\\S+)");

    private static final List<String> urls = new ArrayList<>();
    private static final List<Duration> queryTimeouts = new ArrayList<>();

    @BeforeAll
    static void readEveryDocumentedUrl() throws IOException {
        for (Path file : files()) {
            String text = Files.readString(file);
            Matcher url = URL.matcher(text);
            while (url.find()) {
                urls.add(file + ": " + url.group());
            }
            Matcher timeout = QUERY_TIMEOUT.matcher(text);
            while (timeout.find()) {
                queryTimeouts.add(Duration.parse(timeout.group(1)));
            }
        }
        queryTimeouts.add(new Binder().bindOrCreate("reco.job", JobProperties.class).queryTimeout()); // the default
        assertThat(urls.stream().filter(u -> u.contains("databaseName="))).as("full URLs found").hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * useBulkCopyForBatchInsert turns every batched INSERT on the connection into a bulk copy that skips CHECK and
     * FOREIGN KEY constraints unless told otherwise, which needs ALTER on each table ("Using bulk copy API for batch
     * insert operation", learn.microsoft.com/sql/connect/jdbc/use-bulk-copy-api-batch-insert-operation; BULK INSERT
     * permissions, learn.microsoft.com/sql/t-sql/statements/bulk-insert-transact-sql). The job bulk-copies only its
     * staging rows, through SQLServerBulkCopy with CHECK_CONSTRAINTS and FIRE_TRIGGERS.
     */
    @Test
    void shouldNeverSwitchEveryBatchedInsertToABulkCopyInAUrl() {
        assertThat(urls).noneMatch(u -> u.toLowerCase(Locale.ROOT).contains("usebulkcopyforbatchinsert"));
    }

    /**
     * mssql-jdbc's query timeout bounds only the wait for a statement's first response; after that only the
     * socket timeout (ms) bounds a silent connection, and it closes the connection when it fires
     * (learn.microsoft.com/sql/connect/jdbc/setting-the-connection-properties, queryTimeout and socketTimeout). It
     * must be set, and above every configured query timeout.
     */
    @Test
    void shouldSetASocketTimeoutAboveTheQueryTimeoutInEveryFullUrl() {
        Duration longestQuery = queryTimeouts.stream().max(Duration::compareTo).orElseThrow();
        for (String url : urls.stream().filter(u -> u.contains("databaseName=")).toList()) {
            Matcher socket = SOCKET_TIMEOUT.matcher(url);
            assertThat(socket.find()).as("socketTimeout in %s", url).isTrue();
            assertThat(Duration.ofMillis(Long.parseLong(socket.group(1)))).as(url).isGreaterThan(longestQuery);
        }
    }

    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        for (String folder : List.of("docs", "cronjob", "argocd", "src/main/resources")) {
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> f.toString().matches(".*\\.(md|ya?ml|properties|json)$"))
                        .forEach(files::add);
            }
        }
        return files;
    }
}
