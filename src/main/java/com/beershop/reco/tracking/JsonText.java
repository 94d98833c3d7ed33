package com.beershop.reco.tracking;

import tools.jackson.core.JacksonException;
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

    /** A JSON object column as a map; empty for NULL or text that is not a JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, LinkedHashMap.class);
        } catch (JacksonException e) {
            return Map.of();
        }
    }

    /** A configured value: {@code 8} becomes a whole number, {@code 0.005} a decimal one, anything else stays text. */
    static Object typed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notWhole) {
            try {
                double number = Double.parseDouble(value);
                return Double.isFinite(number) ? (Object) number : value;
            } catch (NumberFormatException notNumber) {
                return value;
            }
        }
    }
}
