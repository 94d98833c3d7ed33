package com.beershop.reco.model;

import java.util.function.Function;

/**
 * An extra algorithm contributed as a Spring bean: the catalogue offers it by {@code name} next to the built-in
 * ones, without the catalogue having to know it.
 */
public record TrainerPlugin(String name, Function<AlgorithmSpec, Trainer> factory) {
}
