package com.beershop.reco.seed;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --sample-data=DIR}: a shop's own CSV export, good or broken, on the embedded database. */
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
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM products", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ratings", Long.class)).isZero();
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void shouldRefuseAFolderWithoutTheTwoFilesAsConfiguration() {
        int exit = BeerRecoApplication.execute("--spring.datasource.url=" + inMemoryUrl(),
                "--sample-data=" + export.resolve("missing"));

        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
    }

    private static String inMemoryUrl() {
        return "jdbc:h2:mem:export_" + UUID.randomUUID().toString().replace("-", "") + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
    }
}
