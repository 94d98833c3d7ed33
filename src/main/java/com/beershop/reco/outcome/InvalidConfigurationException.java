package com.beershop.reco.outcome;

/** A setting cannot be used as given: the run stops with {@link ExitCodes#CONFIGURATION} before doing any work. */
public class InvalidConfigurationException extends IllegalArgumentException {

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
