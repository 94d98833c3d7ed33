package com.beershop.reco.sample;

/**
 * Writes CSV fields the way {@link CsvRecordReader} reads them back (RFC 4180 quoting); a null is an empty field.
 * The sample-data writers and the run-history CSV report share it. Reading moved to FastCSV, writing did not: field
 * for field, FastCSV's writer took about twice as long as this in CsvBenchmark (issue 23).
 */
public final class CsvFields {

    private CsvFields() {
    }

    /** Appends {@code value} as one field, quoted only when it holds a comma, a quote or a line break. */
    public static StringBuilder append(StringBuilder line, String value) {
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
