package com.beershop.reco.generation;

import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.testing.MigratedDatabase;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's generations table: which generation is live, which can be put back, and where pruning began. */
class GenerationReportTest {

    private final MigratedDatabase db = MigratedDatabase.h2();
    private final PublishedRuns runs = new PublishedRuns(db);

    @AfterEach
    void drop() {
        db.close();
    }

    private List<String> printed(Generations generations) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new GenerationReport(generations).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Generations keeping(int keep) {
        return new Generations(new RunHistoryRepository(db.jdbc), new StagingRepository(db.jdbc, Duration.ofMinutes(1)),
                db.ownTransaction(), keep);
    }

    /** The table's data rows, each as its trimmed cells. */
    private static List<List<String>> cells(List<String> lines) {
        return lines.stream().skip(4).map(line -> Arrays.stream(line.split(" \\| ", -1)).map(String::trim).toList())
                .toList();
    }

    @Test
    void shouldListTheLiveGenerationTheKeptOnesAndOnePrunedOneAfterThem() {
        // given: keep 2; runs 9, 10, 11, 12 published, the rows of 9 and 10 pruned
        runs.published(9, 1, 2);
        runs.published(10, 2, 3);
        runs.published(11, 2, 3);
        runs.published(12, 1, 3, "fp-12", null);
        db.jdbc.update("DELETE FROM reco_staging WHERE run_id IN (9, 10)");

        // when
        List<String> lines = printed(keeping(2));

        // then
        assertThat(lines.get(0)).isEmpty();
        assertThat(lines.get(1)).isEqualTo("Generations (reco.publish.keep-generations=2), newest live first:");
        assertThat(lines.get(2).split(" \\| ")).extracting(String::trim)
                .containsExactly("run", "published", "algorithm", "nDCG", "rows", "state");
        assertThat(cells(lines)).containsExactly(
                List.of("12", "2026-12-02 02:30", "als", "", "3", "LIVE"),
                List.of("11", "2026-12-01 02:30", "als", "0.2610", "6", "can republish: republish 11"),
                List.of("10", "2026-11-30 02:30", "als", "0.2600", "6", "pruned"));
    }

    @Test
    void shouldSayWhenTheLiveGenerationsRowsAreNoLongerKept() {
        runs.published(10, 2, 3);
        db.jdbc.update("DELETE FROM reco_staging");

        assertThat(cells(printed(keeping(2))))
                .containsExactly(List.of("10", "2026-11-30 02:30", "als", "0.2600", "6", "LIVE (rows no longer kept)"));
    }

    @Test
    void shouldFlushTheTableToAStreamThatBuffers() {
        // standard output buffers when it is a pipe (a pod's log): the table must leave the buffer by itself
        runs.published(10, 2, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new GenerationReport(keeping(2)).print(new PrintStream(new BufferedOutputStream(bytes, 64 * 1024), false,
                StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("newest live first:", "| LIVE");
    }

    @Test
    void shouldSayNoRunHasPublishedYetOnAnEmptyHistory() {
        assertThat(printed(keeping(3))).containsExactly("",
                "Generations (reco.publish.keep-generations=3), newest live first:", "none: no run has published yet");
    }

    @Test
    void shouldLeaveTheDateEmptyForARowWithoutAStartTime() throws Exception {
        RunRecord undated = record();
        Generations handMade = new Generations(null, null, null, 1) {
            @Override
            public List<Generation> list(int limit) {
                return List.of(new Generation(5, undated, true, 0));
            }
        };

        assertThat(cells(printed(handMade)))
                .containsExactly(List.of("5", "", "", "", "", "LIVE (rows no longer kept)"));
    }

    /** A history row with every column empty. */
    private static RunRecord record() throws Exception {
        RecordComponent[] columns = RunRecord.class.getRecordComponents();
        Object[] arguments = new Object[columns.length];
        Class<?>[] types = new Class<?>[columns.length];
        for (int i = 0; i < columns.length; i++) {
            types[i] = columns[i].getType();
            arguments[i] = types[i] == boolean.class ? false : null;
        }
        return RunRecord.class.getDeclaredConstructor(types).newInstance(arguments);
    }
}
