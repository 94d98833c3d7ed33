package com.beershop.reco.model;

import com.beershop.reco.outcome.InvalidConfigurationException;

/** The configured algorithm or one of its parameters cannot be used. */
public class InvalidAlgorithmSpecException extends InvalidConfigurationException {

    public InvalidAlgorithmSpecException(String message) {
        super(message);
    }
}
