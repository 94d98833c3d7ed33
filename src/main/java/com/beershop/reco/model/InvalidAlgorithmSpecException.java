package com.beershop.reco.model;

/** The configured algorithm or one of its parameters cannot be used. */
public class InvalidAlgorithmSpecException extends IllegalArgumentException {

    public InvalidAlgorithmSpecException(String message) {
        super(message);
    }
}
