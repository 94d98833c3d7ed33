package com.beershop.reco;

import com.beershop.reco.config.ConfigurationValidator;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.monitoring.JobExecutionMdc;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.FailureClassifier;
import com.beershop.reco.outcome.RunRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.Arrays;
import java.util.List;

/**
 * beer-reco-batch: {@code java -jar beer-reco-batch.jar [run|migrate|check|rehearse|evaluate|report|republish|help] [--property=value ...]}.
 * The process exit code says how the mode ended (see {@link ExitCodes}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BeerRecoApplication {

    private static final Logger log = LoggerFactory.getLogger(BeerRecoApplication.class);

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs one mode to its end and returns the exit code, without exiting (tests call this). Usage questions and
     * mistakes are answered before Spring starts; the configuration is checked before anything touches the database.
     */
    public static int execute(String... args) {
        List<String> arguments = Arrays.asList(args);
        List<String> words = arguments.stream().filter(a -> !a.startsWith("--")).toList();
        if (arguments.contains("--help") || words.contains("-h") || words.equals(List.of("help"))) {
            try (Workers workers = Workers.of(1)) {
                System.out.print(ModeRunner.usage(TrainerCatalog.standard(workers).names()));
            }
            System.out.flush();
            return ExitCodes.OK;
        }
        String problem = ModeRunner.usageProblem(words);
        if (problem != null) {
            System.err.println("beer-reco-batch: " + problem + " (--help prints the usage)");
            return ExitCodes.CONFIGURATION;
        }
        try {
            SpringApplication application = new SpringApplication(BeerRecoApplication.class);
            application.addInitializers(context ->
                    context.addBeanFactoryPostProcessor(new ConfigurationValidator(context.getEnvironment())));
            return SpringApplication.exit(application.run(args));
        } catch (RuntimeException | Error failure) {
            // a failure before or while the mode ran (bad configuration, database unreachable, refusal)
            int code = FailureClassifier.exitCodeOf(failure);
            if (code == ExitCodes.UNEXPECTED) {
                log.error("beer-reco-batch failed (exit code {}): {}", code, describe(failure), failure);
            } else {
                log.error("beer-reco-batch failed (exit code {}): {}", code, describe(failure));
            }
            return code;
        } finally {
            JobExecutionMdc.clear();
        }
    }

    /** The one line that says what went wrong: the refusal's reason, the property that is wrong, or the root cause. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RunRefusedException) {
                return t.getMessage();
            }
            if (t instanceof BindException bind) {
                String where = bind.getProperty() != null
                        ? bind.getProperty().getName() + "=" + bind.getProperty().getValue() : bind.getName().toString();
                return "invalid configuration " + where + ": " + rootMessage(bind);
            }
        }
        return FailureClassifier.describe(failure);
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    /**
     * Registered in META-INF/spring.factories: tells Spring Boot the failure is reported, so it does not log
     * "Application run failed" with a stack trace around the one line {@link #execute} writes.
     */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static final class OwnFailureReport implements SpringBootExceptionReporter {
        @Override
        public boolean reportException(Throwable failure) {
            return true;
        }
    }
}
