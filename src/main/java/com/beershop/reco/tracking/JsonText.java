package com.beershop.reco.tracking;

import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run history's JSON columns: flat objects whose numeric values are JSON numbers, so that
 * {@code JSON_VALUE(params, '$.factors')} (SQL Server) and {@code params::jsonb ->> 'factors'} (PostgreSQL) work.
 */
final class JsonText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonText() {
    }

    static String of(Map<String, ?> values) {
        return values == null ? null : JSON.writeValueAsString(values);
    }

    /** Parses a trainer's {@code key=value, key=value} description into a map with numbers where they parse. */
    static Map<String, Object> parseParams(String description) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (description == null || description.isBlank()) {
            return params;
        }
        for (String pair : description.split(",\\s*")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq).trim(), typed(pair.substring(eq + 1).trim()));
            }
        }
        return params;
    }

    static Object typed(String value) {
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number == Math.rint(number) && !value.contains(".") && !value.contains("e")
                        && !value.contains("E") ? (Object) Long.parseLong(value) : (Object) number;
            }
        } catch (NumberFormatException e) {
            // not a number: keep the text
        }
        return value;
    }
}
