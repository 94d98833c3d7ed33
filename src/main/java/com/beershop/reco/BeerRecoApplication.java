package com.beershop.reco;

import com.beershop.reco.config.ConfigurationValidator;
import com.beershop.reco.mode.HelpMode;
import com.beershop.reco.mode.Modes;
import com.beershop.reco.monitoring.JobExecutionMdc;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.FailureClassifier;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.text.ResultOutput;
import com.beershop.reco.tracking.RunMode;
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
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * beer-reco-batch: {@code java -jar beer-reco-batch.jar [run|migrate|check|rehearse|evaluate|report|republish|help] [--property=value ...]}.
 * The process exit code says how the mode ended (see {@link ExitCodes}). Standard output carries the result alone
 * in {@code report}, {@code check} and {@code help} (the logs go to standard error), and the logs in the other modes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BeerRecoApplication {

    private static final Logger log = LoggerFactory.getLogger(BeerRecoApplication.class);

    public static void main(String[] args) {
        // never released: the log lines of the shutdown hooks stay off a result as well
        System.exit(execute(outputFor(args), args));
    }

    /** Runs one mode to its end and returns the exit code, without exiting (tests call this). */
    public static int execute(String... args) {
        ResultOutput output = outputFor(args);
        try {
            return execute(output, args);
        } finally {
            output.release();
        }
    }

    /**
     * The usage, {@code report} and {@code check} print a result that is piped on; the other modes' output is their
     * log. Decided from the arguments before Spring starts, so that not even the first log line reaches a result.
     */
    private static ResultOutput outputFor(String[] args) {
        List<String> arguments = Arrays.asList(args);
        return isHelp(arguments) || Modes.printsResult(words(arguments)) ? ResultOutput.claim() : ResultOutput.shared();
    }

    /**
     * Usage questions and mistakes are answered before Spring starts; the configuration is checked before anything
     * touches the database.
     */
    private static int execute(ResultOutput output, String... args) {
        List<String> arguments = Arrays.asList(args);
        List<String> words = words(arguments);
        if (isHelp(arguments)) {
            return new HelpMode(output.stream()).run(List.of());
        }
        String problem = Modes.usageProblem(words);
        if (problem != null) {
            System.err.println("beer-reco-batch: " + problem + " (--help prints the usage)");
            return ExitCodes.CONFIGURATION;
        }
        try {
            SpringApplication application = new SpringApplication(BeerRecoApplication.class);
            application.addInitializers(context -> {
                context.getBeanFactory().registerSingleton("resultOutput", output);
                context.addBeanFactoryPostProcessor(new ConfigurationValidator(context.getEnvironment()));
            });
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

    /** The arguments that are not --options: the mode and its operand. */
    private static List<String> words(List<String> arguments) {
        return arguments.stream().filter(a -> !a.startsWith("--")).toList();
    }

    private static boolean isHelp(List<String> arguments) {
        List<String> words = words(arguments);
        return arguments.contains("--help") || words.contains("-h") || words.equals(List.of(RunMode.HELP.word()));
    }

    /** The one line that says what went wrong: the refusal's reason, the property that is wrong, or the root cause. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RunRefusedException) {
                return t.getMessage();
            }
            if (t instanceof BindException bind) {
                String enumChoice = enumChoice(bind);
                if (enumChoice != null) {
                    return "invalid configuration " + bind.getName() + ": " + enumChoice;
                }
                String where = bind.getProperty() != null
                        ? bind.getProperty().getName() + "=" + bind.getProperty().getValue() : bind.getName().toString();
                return "invalid configuration " + where + ": "
                        + (rootCause(bind) instanceof NumberFormatException ? "not a number" : rootMessage(bind));
            }
        }
        return FailureClassifier.describe(failure);
    }

    /**
     * For a value that names no constant of an enum setting, what was given and what is allowed, in the words of the
     * command line ({@code 'xml' is not one of table, json, csv}) rather than Java's "No enum constant" with the
     * class name; the property's raw value may be a placeholder such as {@code ${format:}}, so the value is taken
     * from the conversion's message. Null for any other binding failure.
     */
    private static String enumChoice(BindException bind) {
        Class<?> type = bind.getTarget().getType().resolve();
        String root = rootMessage(bind);
        String prefix = type == null ? null : "No enum constant " + type.getCanonicalName() + ".";
        if (type == null || !type.isEnum() || !root.startsWith(prefix)) {
            return null;
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
        return "'" + root.substring(prefix.length()) + "' is not one of " + allowed;
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = rootCause(failure);
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
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
