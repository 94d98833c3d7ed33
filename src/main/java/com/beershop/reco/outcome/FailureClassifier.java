package com.beershop.reco.outcome;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionException;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Collection;

/** Maps a failure, wherever it surfaced, to the exit code that says what kind of failure it was. */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    public static int exitCodeOf(Collection<? extends Throwable> failures) {
        int code = ExitCodes.UNEXPECTED;
        for (Throwable failure : failures) {
            int candidate = exitCodeOf(failure);
            // a deliberate refusal says more than an infrastructure error that followed it
            if (candidate != ExitCodes.UNEXPECTED && (code == ExitCodes.UNEXPECTED || code == ExitCodes.INFRASTRUCTURE)) {
                code = candidate;
            }
        }
        return code;
    }

    public static int exitCodeOf(Throwable failure) {
        boolean infrastructure = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RunRefusedException refused) {
                return refused.exitCode();
            }
            if (t instanceof InvalidConfigurationException || t instanceof BindException) {
                return ExitCodes.CONFIGURATION;
            }
            if (isIntegrityViolation(t)) {
                return ExitCodes.DATABASE_UNFIT;
            }
            if (t instanceof DataAccessException || t instanceof SQLException || t instanceof TransactionException) {
                infrastructure = true;
            }
        }
        return infrastructure ? ExitCodes.INFRASTRUCTURE : ExitCodes.UNEXPECTED;
    }

    /**
     * The sentence an operator needs: a refusal's own message, otherwise the root cause's, prefixed by the
     * outermost exception's type when they differ.
     */
    public static String describe(Throwable failure) {
        Throwable violation = integrityViolation(failure);
        if (violation != null) {
            // the driver's text quotes the offending key values (customer ids): say which rule, never which values
            String state = violation instanceof SQLException sql ? " (SQLSTATE " + sql.getSQLState() + ")" : "";
            return "the database refused rows by a key, unique, foreign-key or check constraint" + state
                    + "; the values are left out of logs and the history (customer data): run the check mode";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof RunRefusedException)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == failure ? message : failure.getClass().getSimpleName() + ": " + message;
    }

    /**
     * The database refused rows because of a key, unique, foreign-key or check constraint (SQLSTATE class 23):
     * the same rows meet the same constraint tomorrow, so a retry cannot help. Typically ids the database treats as
     * equal (a case-insensitive collation) while the job did not; the {@code check} mode names the cause.
     */
    private static Throwable integrityViolation(Throwable failure) {
        Throwable found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RunRefusedException) {
                return null;
            }
            if (isIntegrityViolation(t)) {
                found = t; // the innermost: the driver's own exception, with its SQLSTATE
            }
        }
        return found;
    }

    static boolean isIntegrityViolation(Throwable t) {
        if (t instanceof DataIntegrityViolationException || t instanceof SQLIntegrityConstraintViolationException) {
            return true;
        }
        return t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }
}
