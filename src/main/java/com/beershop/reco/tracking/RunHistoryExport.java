package com.beershop.reco.tracking;

import com.beershop.reco.sample.CsvFields;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;

/**
 * {@code report --format=json|csv}: every column of the run-history rows, named as the record's components (the
 * columns in camel case), newest first. JSON keeps the JSON columns (params, rejectedByReason, stepSeconds, and
 * online: the online readout, a list) nested; CSV is RFC 4180 with a header line and those columns as JSON text.
 */
final class RunHistoryExport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Set<String> JSON_COLUMNS = Set.of("params", "rejectedByReason", "stepSeconds", "online");
    private static final RecordComponent[] COLUMNS = RunRecord.class.getRecordComponents();

    private RunHistoryExport() {
    }

    static String json(List<RunRecord> rows) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (RunRecord row : rows) {
            ObjectNode object = array.addObject();
            for (RecordComponent column : COLUMNS) {
                Object value = value(column, row);
                if (value == null) {
                    object.putNull(column.getName());
                } else if (JSON_COLUMNS.contains(column.getName())) {
                    object.set(column.getName(), parsedOrText((String) value));
                } else {
                    object.set(column.getName(), JSON.valueToTree(value));
                }
            }
        }
        return JSON.writeValueAsString(array) + "\n";
    }

    static String csv(List<RunRecord> rows) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < COLUMNS.length; i++) {
            CsvFields.append(i == 0 ? csv : csv.append(','), COLUMNS[i].getName());
        }
        csv.append("\r\n");
        for (RunRecord row : rows) {
            for (int i = 0; i < COLUMNS.length; i++) {
                CsvFields.append(i == 0 ? csv : csv.append(','), cell(value(COLUMNS[i], row)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /** A text made {@link #inert}, anything else as Java writes it; null stays null, an empty cell. */
    private static String cell(Object value) {
        return value instanceof String text ? inert(text) : value == null ? null : String.valueOf(value);
    }

    private static JsonNode parsedOrText(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException notJson) {
            // a row written before the column held JSON (Map.toString text): keep it as a string
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    /**
     * A text cell a spreadsheet would run as a formula (it begins with = + - @, a tab or a carriage return) gets a
     * leading apostrophe, so opening the CSV runs nothing (OWASP "CSV Injection"). Numbers stay as they are.
     */
    static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static Object value(RecordComponent column, RunRecord row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + column.getName(), e);
        }
    }
}
