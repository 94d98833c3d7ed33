package com.beershop.reco.job;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer gets from README's first command: no configuration but the in-memory database name, the bundled
 * sample data, the default model selection; it publishes, and clearly beats most-popular on the same hold-out.
 */
class DefaultRunOnSampleDataTest {

    @Test
    void shouldPublishWithTheDefaultModelClearlyBeatingMostPopularOnTheSampleData() {
        String url = "jdbc:h2:mem:default_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";

        int exit = BeerRecoApplication.execute("--spring.datasource.url=" + url);

        assertThat(exit).isEqualTo(ExitCodes.OK);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        Map<String, Object> run = jdbc.queryForMap("SELECT * FROM reco_run_history");
        double ndcg = ((Number) run.get("ndcg_at_n")).doubleValue();
        double popularity = ((Number) run.get("baseline_ndcg_at_n")).doubleValue();
        // the default run selects its model (issue 13): what it published is the selection's choice
        Map<String, Object> chosen = jdbc.queryForMap("SELECT * FROM reco_model_selection WHERE chosen = ?", true);
        assertThat(run.get("algorithm")).isEqualTo(chosen.get("algorithm")).isIn("ials", "ease", "most-popular");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reco_model_selection", Long.class)).isGreaterThan(1);
        assertThat(ndcg).as("default model nDCG@10 vs most-popular %.4f", popularity)
                .isGreaterThan(popularity * 1.25);
        assertThat(((Number) run.get("ratings_used")).longValue()).isEqualTo(60_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT user_id) FROM recommendations", Long.class))
                .isEqualTo(3_000);
        jdbc.execute("SHUTDOWN");
    }
}
