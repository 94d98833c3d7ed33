package com.beershop.reco.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link and anchor in README.md and docs/*.md leads somewhere. */
class DocumentationLinksTest {

    private static final Path REPO = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    @Test
    void shouldResolveEveryRelativeLinkAndAnchorInReadmeAndDocs() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(REPO.resolve("README.md"));
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        assertThat(files).as("README.md and the docs/ pages").hasSizeGreaterThanOrEqualTo(4);

        List<String> broken = new MarkdownLinkChecker().brokenLinks(REPO, files);

        assertThat(broken).as("broken links:%n%s", String.join(System.lineSeparator(), broken)).isEmpty();
    }

    @Test
    void shouldReportAMissingFileAndAMissingAnchorButNotCodeOrExternalLinks(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other page\n\n## The `report` mode (run history)\n");
        Path page = Files.writeString(dir.resolve("page.md"), String.join("\n",
                "# Page",
                "[fine](other.md#the-report-mode-run-history) [fine too](#page) [web](https://example.org/x#y)",
                "[gone](missing.md) and [no anchor](other.md#nowhere)",
                "`[in a span](missing-too.md)` but [`a code text`](gone-too.md)",
                "```",
                "[in a block](missing-three.md)",
                "```",
                "[wrong anchor here](#pages)"));

        List<String> broken = new MarkdownLinkChecker().brokenLinks(dir, List.of(page));

        assertThat(broken).containsExactly(
                "page.md:3: [gone](missing.md): no such file " + dir.resolve("missing.md"),
                "page.md:3: [no anchor](other.md#nowhere): no heading with anchor #nowhere in other.md",
                "page.md:4: [a code text](gone-too.md): no such file " + dir.resolve("gone-too.md"),
                "page.md:8: [wrong anchor here](#pages): no heading with anchor #pages in page.md");
    }

    @Test
    void shouldSlugHeadingsTheWayGitHubDoes() {
        assertThat(MarkdownLinkChecker.slug("Results (PostgreSQL, 2 cores)")).isEqualTo("results-postgresql-2-cores");
        assertThat(MarkdownLinkChecker.slug("H2 (file database, `MODE=MSSQLServer`)"))
                .isEqualTo("h2-file-database-modemssqlserver");
        assertThat(MarkdownLinkChecker.slug("What dominates, and how cost grows"))
                .isEqualTo("what-dominates-and-how-cost-grows");
        assertThat(MarkdownLinkChecker.slug("Adding an algorithm as a TrainerPlugin"))
                .isEqualTo("adding-an-algorithm-as-a-trainerplugin");
        assertThat(MarkdownLinkChecker.slug("See [the runbook](docs/operations.md)")).isEqualTo("see-the-runbook");
    }
}
