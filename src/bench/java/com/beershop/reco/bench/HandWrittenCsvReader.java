package com.beershop.reco.bench;

import com.beershop.reco.sample.SampleDataFormatException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The baseline of {@link CsvBenchmark}: {@code sample/CsvRecordReader} as it was before issue 23 moved its reading
 * onto FastCSV, kept here unchanged so the comparison can be repeated. Not used by the product.
 *
 * <p>Splits RFC 4180 CSV text into records, streaming, and knows nothing of what the columns mean: a header check, the
 * fields of each non-blank record, and errors that name the source and the physical line a bad record starts on.
 * Accepts LF, CRLF and CR line ends and a leading byte-order mark; a quoted field may span lines.
 */
final class HandWrittenCsvReader {

    private static final int NONE = -2;

    private final Reader in;
    private final String source;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>(8);
    private int position;
    private int limit;
    private int pushedBack = NONE;
    private long line = 1;
    private long recordLine;
    private int columns;

    HandWrittenCsvReader(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Reads the first record and fails unless it names {@code expected} (any case, around spaces ignored). */
    void readHeader(List<String> expected) throws IOException {
        int first = read();
        if (first != '\uFEFF') {
            pushedBack = first;
        }
        if (!nextRecord()) {
            throw error("empty file, expected the header " + String.join(",", expected));
        }
        boolean matches = fields.size() == expected.size();
        for (int i = 0; matches && i < fields.size(); i++) {
            matches = fields.get(i).strip().toLowerCase(Locale.ROOT).equals(expected.get(i));
        }
        if (!matches) {
            throw error("expected the header " + String.join(",", expected) + ", found " + String.join(",", fields));
        }
        columns = expected.size();
    }

    /** The fields of the record read last, valid until the next call of {@link #next()}. */
    List<String> fields() {
        return fields;
    }

    /** Reads the next non-blank record into {@link #fields()}; false at the end of input. */
    boolean next() throws IOException {
        while (nextRecord()) {
            boolean blank = fields.size() == 1 && fields.get(0).isEmpty();
            if (blank) {
                continue;
            }
            if (fields.size() != columns) {
                throw error("expected " + columns + " columns, found " + fields.size());
            }
            return true;
        }
        return false;
    }

    private boolean nextRecord() throws IOException {
        fields.clear();
        int c = read();
        if (c == -1) {
            return false;
        }
        recordLine = line;
        while (true) {
            field.setLength(0);
            if (c == '"') {
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw error("quoted field is never closed");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    } else if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw error("unexpected character '" + (char) c + "' after a closing quote");
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            if (c != ',') {
                break;
            }
            c = read();
        }
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                pushedBack = after;
            }
            line++;
        } else if (c == '\n') {
            line++;
        }
        return true;
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        if (position == limit) {
            try {
                limit = in.read(buffer);
            } catch (CharacterCodingException e) {
                throw new SampleDataFormatException(source, line, "not valid UTF-8 text");
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    /** An error about the record read last, naming the source and the line it starts on. */
    SampleDataFormatException error(String problem) {
        return new SampleDataFormatException(source, recordLine == 0 ? 1 : recordLine, problem);
    }
}
