package com.beershop.reco.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample-data/ must be exactly what the documented command produces, so it cannot drift. */
class CommittedSampleDataTest {

    private static final Path COMMITTED = Path.of(System.getProperty("basedir", ".")).resolve("sample-data");

    @TempDir
    Path tmp;

    @Test
    void committedSampleFilesEqualTheGeneratorOutputForTheDocumentedParameters() throws IOException {
        // given: the parameters in sample-data/README.md
        SampleDataSpec documented = SampleDataSpec.of(3_000, 300, 60_000, 20240611L);
        assertThat(SampleSize.SAMPLE.spec()).isEqualTo(documented);

        // when
        new SampleDataGenerator(documented).writeCsv(tmp);

        // then
        for (String file : new String[] {SampleDataCsv.PRODUCTS_FILE, SampleDataCsv.RATINGS_FILE}) {
            assertThat(Files.mismatch(COMMITTED.resolve(file), tmp.resolve(file)))
                    .as("first differing byte of sample-data/%s; regenerate it as sample-data/README.md says", file)
                    .isEqualTo(-1L);
        }
    }

    @Test
    void readmeDocumentsTheCommandThatProducedTheFiles() throws IOException {
        assertThat(Files.readString(COMMITTED.resolve("README.md")))
                .contains("--out sample-data --size SAMPLE --seed " + SampleSize.DEFAULT_SEED);
    }
}
