package com.beershop.reco.bench;

/**
 * The write baseline of {@link CsvBenchmark}: {@code sample/CsvFields} as it was before issue 23 moved the writing
 * onto FastCSV ({@code sample/CsvRecordWriter}), kept here unchanged so the comparison can be repeated. Not used by
 * the product.
 *
 * <p>Writes CSV fields RFC 4180 style; a null is an empty field.
 */
final class HandWrittenCsvFields {

    private HandWrittenCsvFields() {
    }

    /** Appends {@code value} as one field, quoted only when it holds a comma, a quote or a line break. */
    static StringBuilder append(StringBuilder line, String value) {
        if (value == null) {
            return line;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return line.append(value);
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        return line.append('"');
    }
}
