package com.beershop.reco.seed;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --sample-data=DIR}: a shop's own CSV export, good or broken, on the embedded database. */
@ExtendWith(OutputCaptureExtension.class)
class OwnExportSeedingTest {

    private static final String PRODUCTS = """
            product_id,name,style,active
            P1,Hop Hill IPA,IPA,true
            P2,Night Porter,Porter,true
            P3,Old Bock,Bock,false
            """;

    @TempDir
    Path export;

    @Test
    void shouldRefuseAnExportWithAnUnparsableLineAsRejectedInputAndSeedNothing() throws Exception {
        Files.writeString(export.resolve("products.csv"), PRODUCTS);
        Files.writeString(export.resolve("ratings.csv"), """
                user_id,product_id,rating,rated_at
                U1,P1,4,
                U1,P2,four,
                """);
        String url = inMemoryUrl();

        int exit = BeerRecoApplication.execute("--spring.datasource.url=" + url, "--sample-data=" + export);

        assertThat(exit).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertNothingSeeded(url);
    }

    @Test
    void shouldRefuseARatingTooLargeForInventoryDbsColumnAsRejectedInputAndSeedNothing(CapturedOutput output)
            throws Exception {
        Files.writeString(export.resolve("products.csv"), PRODUCTS);
        StringBuilder ratings = new StringBuilder("user_id,product_id,rating,rated_at\n");
        for (int i = 1; i <= 12_000; i++) {
            // a shop rating on a 0-100 scale: row 7,001 does not fit InventoryDB's DECIMAL(4,2)
            ratings.append("U").append(i).append(",P1,").append(i == 7_001 ? "100" : "4").append(",\n");
        }
        Files.writeString(export.resolve("ratings.csv"), ratings);
        String url = inMemoryUrl();

        int exit = BeerRecoApplication.execute("--spring.datasource.url=" + url, "--sample-data=" + export);

        assertThat(exit).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(output.getOut()).contains("ratings.csv").contains("data rows 5001-10000")
                .contains("does not fit the ratings table");
        assertNothingSeeded(url);
    }

    @Test
    void shouldRefuseAProductListedTwiceAsRejectedInputAndSeedNothing(CapturedOutput output) throws Exception {
        Files.writeString(export.resolve("products.csv"), PRODUCTS + "P2,Night Porter again,Porter,true\n");
        Files.writeString(export.resolve("ratings.csv"), """
                user_id,product_id,rating,rated_at
                U1,P1,4,
                """);
        String url = inMemoryUrl();

        int exit = BeerRecoApplication.execute("--spring.datasource.url=" + url, "--sample-data=" + export);

        assertThat(exit).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(output.getOut()).contains("products.csv").contains("data rows 1-4")
                .contains("does not fit the products table");
        assertNothingSeeded(url);
    }

    @Test
    void shouldRefuseAFolderWithoutTheTwoFilesAsConfiguration() {
        int exit = BeerRecoApplication.execute("--spring.datasource.url=" + inMemoryUrl(),
                "--sample-data=" + export.resolve("missing"));

        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
    }

    private static void assertNothingSeeded(String url) {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM products", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ratings", Long.class)).isZero();
        jdbc.execute("SHUTDOWN");
    }

    private static String inMemoryUrl() {
        return "jdbc:h2:mem:export_" + UUID.randomUUID().toString().replace("-", "") + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
    }
}
