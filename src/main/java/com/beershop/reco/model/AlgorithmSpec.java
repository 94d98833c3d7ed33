package com.beershop.reco.model;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An algorithm name with its hyperparameters, as configured ({@code reco.model.algorithm}, {@code reco.model.params.*}).
 * Parameter names are our own (factors, iterations, reg, alpha, ...), never LibRec's configuration keys.
 */
public record AlgorithmSpec(String name, Map<String, String> params) {

    public AlgorithmSpec {
        if (name == null || name.isBlank()) {
            throw new InvalidAlgorithmSpecException("algorithm name is empty");
        }
        name = name.trim().toLowerCase(java.util.Locale.ROOT);
        params = params == null ? Map.of() : normalized(params);
    }

    /**
     * Keys in one spelling: an environment variable such as {@code RECO_MODEL_PARAMS_CG_STEPS} reaches us as
     * {@code cg.steps} or {@code cg_steps}, which mean {@code cg-steps}.
     */
    private static Map<String, String> normalized(Map<String, String> params) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        params.forEach((key, value) -> out.put(
                key.trim().toLowerCase(java.util.Locale.ROOT).replace('.', '-').replace('_', '-'), value));
        return java.util.Collections.unmodifiableMap(out);
    }

    public static AlgorithmSpec of(String name, Map<String, String> params) {
        return new AlgorithmSpec(name, params);
    }

    /**
     * Parses {@code name} or {@code name:key=value,key=value}, the form used in configuration lists.
     */
    public static AlgorithmSpec parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return new AlgorithmSpec(trimmed, Map.of());
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : trimmed.substring(colon + 1).split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidAlgorithmSpecException("'" + text + "': expected key=value, got '" + pair.trim() + "'");
            }
            params.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return new AlgorithmSpec(trimmed.substring(0, colon), params);
    }

    public int intParam(String key, int defaultValue) {
        String value = params.get(key);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidAlgorithmSpecException(name + ": parameter " + key + "=" + value + " is not a whole number");
        }
    }

    public double doubleParam(String key, double defaultValue) {
        String value = params.get(key);
        try {
            return value == null ? defaultValue : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidAlgorithmSpecException(name + ": parameter " + key + "=" + value + " is not a number");
        }
    }

    /** Fails on a parameter the algorithm does not know, so a typo in configuration is caught. */
    public void requireOnly(Set<String> known) {
        for (String key : params.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidAlgorithmSpecException(
                        name + ": unknown parameter '" + key + "' (known: " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    /** The form {@link #parse} reads back, parameters sorted: {@code ials:alpha=10,factors=64}. */
    public String text() {
        StringBuilder out = new StringBuilder(name);
        String separator = ":";
        for (Map.Entry<String, String> param : new TreeMap<>(params).entrySet()) {
            out.append(separator).append(param.getKey()).append('=').append(param.getValue());
            separator = ",";
        }
        return out.toString();
    }

    /** Stable text form for logs and run history, e.g. {@code ials{alpha=10, factors=64}}. */
    @Override
    public String toString() {
        return name + new TreeMap<>(params);
    }
}
