package com.beershop.reco.outcome;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The description of a failure goes to the log and to {@code outcome_reason}, and from there to the report, its
 * HTML page and CSV. A driver's message about a key quotes the key's values, a customer id among them: the
 * description names the rule that was broken, never the values. Real drivers, real constraint violations.
 */
class FailureDescriptionTest {

    private static final String CUSTOMER = "CUST-0451-PRIVATE";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:5432/postgres",
            "jdbc:h2:mem:describe;MODE=MSSQLServer"})
    void shouldDescribeAKeyViolationWithoutTheKeysValues(String url) {
        // given: a table keyed like the live one, with this customer's row in it
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, url.contains("h2") ? "sa" : "postgres",
                "", true);
        JdbcTemplate jdbc = new JdbcTemplate(connection);
        String table = "keys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("CREATE TEMPORARY TABLE " + table + " (user_id VARCHAR(64), product_id VARCHAR(64),"
                + " PRIMARY KEY (user_id, product_id))");
        jdbc.update("INSERT INTO " + table + " VALUES (?, ?)", CUSTOMER, "B0001");

        // when: the same key again
        DataIntegrityViolationException failure = catchThrowableOfType(DataIntegrityViolationException.class,
                () -> jdbc.update("INSERT INTO " + table + " VALUES (?, ?)", CUSTOMER, "B0001"));
        connection.destroy();

        // then: the driver's message names the customer, the description does not
        assertThat(failure.getMostSpecificCause().getMessage()).contains(CUSTOMER);
        assertThat(FailureClassifier.describe(failure)).doesNotContain(CUSTOMER)
                .contains("constraint", "SQLSTATE 23");
        assertThat(FailureClassifier.exitCodeOf(failure)).isEqualTo(ExitCodes.DATABASE_UNFIT);
    }
}
