package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids as the database compares them. SQL Server under its usual case-insensitive collation treats {@code U1},
 * {@code u1} and {@code u1 } as one key; H2 in MODE=MSSQLServer compares exactly, so the SQL Server behaviour is
 * asked for with {@code reco.input.id-policy} here (on SQL Server it is the default, read from the collation).
 */
class IdPolicyOnH2Test {

    private static final String SAME_AS_SQL_SERVER = "--reco.input.id-policy=IGNORE_CASE_AND_TRAILING_SPACES";

    private TestDatabase db;
    private List<String> products;

    @BeforeEach
    void migratedDatabaseWithRatingsOfOneUserInThreeSpellings() throws Exception {
        db = TestDatabase.h2();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(SampleDataSpec.of(400, 60, 8_000, 7));
        products = db.jdbc.queryForList("SELECT product_id FROM products WHERE active = ? ORDER BY product_id",
                String.class, true);
        String lowerCaseProduct = products.get(3).toLowerCase();
        db.insertRatings(List.of(
                new Object[]{"U1", products.get(0), new BigDecimal("5"), null},
                new Object[]{"u1", products.get(1), new BigDecimal("4"), null},
                new Object[]{"u1 ", products.get(2), new BigDecimal("4"), null},
                new Object[]{"u1", products.get(0), new BigDecimal("2"), null},      // the same pair as U1's first
                new Object[]{"U1", lowerCaseProduct, new BigDecimal("5"), null}));   // the catalogue's product, in lower case
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldMergeIdsTheDatabaseTreatsAsEqualAndPublishTheSpellingFoundInTheData() {
        int exit = db.run("run", SAME_AS_SQL_SERVER, "--reco.gate.enabled=false");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(db.jdbc.queryForList("SELECT DISTINCT user_id FROM recommendations WHERE LOWER(TRIM(user_id)) = 'u1'",
                String.class)).as("one user, spelled as in the data (first in sorted order)").containsExactly("U1");
        List<String> recommendedToU1 = db.jdbc.queryForList(
                "SELECT product_id FROM recommendations WHERE user_id = 'U1'", String.class);
        assertThat(recommendedToU1).hasSize(10)
                .as("everything any spelling of u1 rated is left out").doesNotContain(products.subList(0, 4).toArray(String[]::new))
                .allMatch(products::contains, "products spelled as in the catalogue");
        Map<String, Object> run = db.jdbc.queryForMap("SELECT users, duplicate_ratings FROM reco_run_history");
        assertThat(((Number) run.get("users")).intValue()).isEqualTo(401);
        assertThat(((Number) run.get("duplicate_ratings")).intValue()).as("u1's rating of U1's product").isEqualTo(1);
    }

    @Test
    void shouldKeepThreeUsersWhenIdsAreComparedExactlyAsH2Does() {
        int exit = db.run("run", "--reco.gate.enabled=false");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(db.jdbc.queryForList("SELECT DISTINCT user_id FROM recommendations WHERE LOWER(TRIM(user_id)) = 'u1'"
                + " ORDER BY user_id", String.class)).containsExactly("U1", "u1", "u1 ");
        assertThat(((Number) db.jdbc.queryForMap("SELECT duplicate_ratings FROM reco_run_history")
                .get("duplicate_ratings")).intValue()).isZero();
    }
}
