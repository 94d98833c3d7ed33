package com.beershop.reco.docs;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walkthrough of docs/quality.md, done for real: the plugin is registered as a bean, is compared in
 * {@code evaluate}, and receives {@code reco.model.algorithm} and {@code reco.model.params.*} in a run.
 */
class TrainerPluginWalkthroughTest {

    private final String url = "jdbc:h2:mem:plugin_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));

    @AfterEach
    void dropDatabase() {
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void shouldCompareThePluginWithTheBuiltInAlgorithmsInEvaluateMode() {
        int exit = run("evaluate",
                "--reco.evaluation.candidates[0]=most-popular",
                "--reco.evaluation.candidates[1]=damped-mean:damping=5");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT algorithm, params, outcome, ndcg_at_n FROM reco_run_history ORDER BY id");
        assertThat(rows).extracting(r -> r.get("algorithm")).containsExactly("most-popular", "damped-mean");
        assertThat(rows.get(1).get("params").toString()).contains("damping").contains("5");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("outcome")).isEqualTo("EVALUATED");
            assertThat(((Number) r.get("ndcg_at_n")).doubleValue()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void shouldHandTheConfiguredParamsToThePluginInARun() {
        // selection off: the configured model is what the run trains (with selection on it is only the fallback)
        int exit = run("run", "--reco.model.algorithm=damped-mean", "--reco.model.params.damping=5",
                "--reco.selection.enabled=false");

        Map<String, Object> row = jdbc.queryForMap("SELECT algorithm, params, exit_code FROM reco_run_history");
        assertThat(row.get("algorithm")).isEqualTo("damped-mean");
        assertThat(row.get("params").toString()).contains("damping").contains("5");
        assertThat(((Number) row.get("exit_code")).intValue()).isEqualTo(exit);
        // a non-personalised list may or may not beat most-popular: the gate decides, not a crash
        assertThat(exit).isIn(ExitCodes.OK, ExitCodes.QUALITY_REFUSED);
    }

    @Test
    void shouldRejectAParameterThePluginDoesNotKnowWithTheConfigurationExitCode() {
        int exit = run("run", "--reco.model.algorithm=damped-mean", "--reco.model.params.dampening=5");

        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
        // refused while the configuration is checked, before anything touched the database: not even migrated
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'",
                Long.class)).isZero();
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = args[0];
        all[1] = "--spring.datasource.url=" + url;
        // the way a class outside the scanned packages is added; under com.beershop.reco it is also scanned
        all[2] = "--spring.main.sources=" + DampedMeanPluginConfiguration.class.getName();
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return BeerRecoApplication.execute(all);
    }
}
