package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A half-done product reload that leaves 95 % of {@code active} NULL must not publish lists drawn from the last
 * 5 % of the beers: the run refuses (exit 7) against the last published run's recommendable products, the live
 * table keeps yesterday's lists, and the one-shot override publishes that catalogue once (a real mass delisting).
 * Enough products that the remaining 5 % still fill every list, so no other guard notices.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartialCatalogueTest {

    private static final SampleDataSpec SHOP = SampleDataSpec.of(1000, 600, 25_000, 19);

    private TestDatabase db;

    @BeforeEach
    void publishedOnce() throws Exception {
        db = TestDatabase.h2();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(SHOP);
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldRefuseACatalogueWhose95PercentIsNullAndPublishItOnceWithTheOverride(CapturedOutput output) {
        // given: every product but one in twenty left with `active` NULL
        List<String> yesterday = db.liveRows();
        long active = db.count("SELECT COUNT(*) FROM products WHERE active = ?", true);
        List<String> ids = db.jdbc.queryForList("SELECT product_id FROM products ORDER BY product_id", String.class);
        db.jdbc.batchUpdate("UPDATE products SET active = NULL WHERE product_id = ?", IntStream.range(0, ids.size())
                .filter(i -> i % 20 != 0).mapToObj(i -> new Object[]{ids.get(i)}).toList());
        assertThat(db.count("SELECT COUNT(*) FROM products WHERE active IS NULL")).isEqualTo(ids.size() * 19L / 20);

        // when
        int refused = db.run("run");

        // then
        assertThat(refused).isEqualTo(ExitCodes.PUBLISH_REFUSED);
        Map<String, Object> row = db.jdbc.queryForMap("SELECT TOP 1 * FROM reco_run_history ORDER BY id DESC");
        assertThat(row).containsEntry("OUTCOME", "PUBLISH_REFUSED").containsEntry("PUBLISHED", false);
        assertThat((String) row.get("OUTCOME_REASON")).contains("recommendable products fell from " + active,
                "reco.publish.max-catalogue-drop");
        assertThat(db.liveRows()).as("live table after the refusal").isEqualTo(yesterday);
        assertThat(output.getOut()).contains(ids.size() * 19 / 20 + " of " + ids.size()
                + " products have active NULL (unknown, not false)");

        // and when the operator sets the one-shot override to the refused run
        int overridden = db.run("run", "--reco.gate.override=" + row.get("JOB_EXECUTION_ID"));

        // then that catalogue publishes, once
        assertThat(overridden).isEqualTo(ExitCodes.OK);
        assertThat(db.count("""
                SELECT COUNT(*) FROM recommendations r JOIN products p ON p.product_id = r.product_id
                WHERE p.active IS NULL""")).as("recommended with `active` NULL").isZero();
        assertThat(db.liveRows()).isNotEqualTo(yesterday).isNotEmpty();
    }
}
