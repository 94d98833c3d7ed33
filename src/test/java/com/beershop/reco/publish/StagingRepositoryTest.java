package com.beershop.reco.publish;

import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.beershop.reco.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The staging table on H2 (a JDBC batch) and PostgreSQL (COPY): rows go in under their run id exactly as given,
 * arm included, and come out by run; clearing keeps what it is told to keep and generation 0 always.
 */
class StagingRepositoryTest {

    private MigratedDatabase db;

    @AfterEach
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    private StagingRepository staging(String vendor) {
        db = vendor.equals("h2") ? MigratedDatabase.h2() : MigratedDatabase.postgres();
        return new StagingRepository(db.jdbc, Duration.ofMinutes(1));
    }

    private List<String> staged(long runId) {
        return db.jdbc.query("SELECT user_id, product_id, item_rank, arm FROM reco_staging WHERE run_id = ?"
                        + " ORDER BY user_id, item_rank",
                (rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getString(4), runId);
    }

    @Test
    void shouldEscapeCopyTextSpecialCharactersInAsciiAndInUtf8Ids() {
        CopyTextBuffer out = new CopyTextBuffer(4);

        out.text("a\\b\tc\nd\re").mark('\t').text("Ü\tß\\🍺").mark('\t').number(-1).mark('\t').number(123456789012L)
                .mark('\t').text("x\uD800y").mark('\n');

        assertThat(new String(out.copyOfText(), StandardCharsets.UTF_8))
                .isEqualTo("a\\\\b\\tc\\nd\\re\tÜ\\tß\\\\🍺\t-1\t123456789012\tx?y\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldStageRowsExactlyAsGivenUnderTheirRunAndArm(String vendor) {
        StagingRepository staging = staging(vendor);

        staging.insert(7, List.of(new StagedRow("U\t1", "B\\1", 1), new StagedRow("U\t1", "B\n2", 2),
                new StagedRow("U2", "B\r3", 1), new StagedRow("Ü\t🍺", "Bière\\", 1)));
        staging.insert(8, List.of(new StagedRow("U3", "B1", 1)), "control");

        assertThat(staged(7)).containsExactly("U\t1|B\\1|1|null", "U\t1|B\n2|2|null", "U2|B\r3|1|null",
                "Ü\t🍺|Bière\\|1|null");
        assertThat(staged(8)).containsExactly("U3|B1|1|control");
        assertThat(staging.countRun(7)).isEqualTo(4);
        assertThat(staging.countUsers(7)).isEqualTo(3);
        assertThat(staging.countRun(9)).isZero();
        assertThat(staging.countUsers(9)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldStageTensOfThousandsOfRowsInOneCall(String vendor) {
        StagingRepository staging = staging(vendor);
        List<StagedRow> rows = new ArrayList<>();
        for (int u = 0; u < 2_000; u++) {
            for (int rank = 1; rank <= 10; rank++) {
                rows.add(new StagedRow("user-" + u, "product-" + (u + rank), rank));
            }
        }

        staging.insert(3, rows, "model");

        assertThat(staging.countRun(3)).isEqualTo(20_000);
        assertThat(staging.countUsers(3)).isEqualTo(2_000);
        assertThat(db.count("SELECT COUNT(*) FROM reco_staging WHERE arm = 'model'")).isEqualTo(20_000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldClearOneRunOrEveryRunButTheKeptOnesAndAlwaysKeepGenerationZero(String vendor) {
        StagingRepository staging = staging(vendor);
        for (long run : new long[]{StagingRepository.GENERATION_ZERO, 1, 2, 3, 4}) {
            staging.insert(run, List.of(new StagedRow("U1", "B1", 1), new StagedRow("U1", "B2", 2)));
        }

        List<Long> staged = staging.stagedRuns();
        int one = staging.clearRun(4);
        int allButTwo = staging.clearRunsExcept(List.of(1L, 3L));
        List<Long> afterKeeping = runs();
        int all = staging.clearRunsExcept(List.of());

        assertThat(staged).containsExactly(StagingRepository.GENERATION_ZERO, 1L, 2L, 3L, 4L);
        assertThat(one).isEqualTo(2);
        assertThat(allButTwo).isEqualTo(2);
        assertThat(afterKeeping).containsExactly(StagingRepository.GENERATION_ZERO, 1L, 3L);
        assertThat(all).isEqualTo(4);
        assertThat(runs()).containsExactly(StagingRepository.GENERATION_ZERO);
    }

    private List<Long> runs() {
        return db.jdbc.queryForList("SELECT DISTINCT run_id FROM reco_staging ORDER BY run_id", Long.class);
    }

    @Test
    void shouldEndACopyThatFailedHalfwaySoTheConnectionServesTheNextStatement() {
        // given: one connection, as a step's chunk has; a row without a user id fails while COPY is open
        db = MigratedDatabase.postgres();
        SingleConnectionDataSource connection = new SingleConnectionDataSource(db.url, "postgres", "", true);
        StagingRepository staging = new StagingRepository(new JdbcTemplate(connection), Duration.ofMinutes(1));
        List<StagedRow> rows = Arrays.asList(new StagedRow("U1", "B1", 1), new StagedRow(null, "B2", 2));

        // when
        assertThatThrownBy(() -> staging.insert(5, rows)).isInstanceOf(NullPointerException.class);

        // then
        try {
            assertThat(staging.countRun(5)).as("nothing of the failed copy").isZero();
            staging.insert(5, List.of(new StagedRow("U1", "B1", 1)));
            assertThat(staging.countRun(5)).isEqualTo(1);
        } finally {
            connection.destroy();
        }
    }
}
