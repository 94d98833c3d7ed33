package com.beershop.reco;

import com.beershop.reco.monitoring.JobExecutionMdc;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.FailureClassifier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * beer-reco-batch: {@code java -jar beer-reco-batch.jar [run|migrate|evaluate|report] [--property=value ...]}.
 * The process exit code says how the mode ended (see {@link ExitCodes}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BeerRecoApplication {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one mode to its end and returns the exit code, without exiting (tests call this). */
    public static int execute(String... args) {
        try {
            return SpringApplication.exit(SpringApplication.run(BeerRecoApplication.class, args));
        } catch (RuntimeException | Error failure) {
            // a failure before or while the mode ran (database unreachable, bad configuration, refusal)
            int code = FailureClassifier.exitCodeOf(failure);
            LoggerFactory.getLogger(BeerRecoApplication.class).error("beer-reco-batch failed (exit code {}): {}",
                    code, FailureClassifier.describe(failure));
            return code;
        } finally {
            JobExecutionMdc.clear();
        }
    }
}
