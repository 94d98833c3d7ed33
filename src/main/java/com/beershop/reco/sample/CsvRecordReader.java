package com.beershop.reco.sample;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 CSV records, streaming, read with FastCSV, and knows nothing of what the columns mean: a header check, the
 * fields of each non-blank record, and errors that name the source and the physical line a bad record starts on.
 * Accepts LF, CRLF and CR line ends and a leading byte-order mark; a quoted field may span lines.
 */
final class CsvRecordReader {

    private final Reader in;
    private final String source;
    private final FieldsHandler handler = new FieldsHandler();
    private CloseableIterator<List<String>> records;
    private List<String> fields = List.of();
    private int columns;

    CsvRecordReader(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Reads the first record and fails unless it names {@code expected} (any case, around spaces ignored). */
    void readHeader(List<String> expected) throws IOException {
        records = CsvReader.builder()
                .allowUnclosedQuote(false)
                // the column count is checked here, with this reader's message
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .build(handler, withoutByteOrderMark())
                .iterator();
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
            // FastCSV skips empty lines; a lone "" is blank too
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
        try {
            if (!records.hasNext()) {
                return false;
            }
            fields = records.next();
            return true;
        } catch (CsvParseException e) {
            throw error(problem(e));
        } catch (UncheckedIOException e) {
            throw e.getCause() instanceof CharacterCodingException ? error("not valid UTF-8 text") : e.getCause();
        }
    }

    /** FastCSV detects a byte-order mark only in bytes; these are characters already. */
    private Reader withoutByteOrderMark() throws IOException {
        PushbackReader pushback = new PushbackReader(in, 1);
        int first;
        try {
            first = pushback.read();
        } catch (CharacterCodingException e) {
            throw error("not valid UTF-8 text");
        }
        if (first != '\uFEFF' && first != -1) {
            pushback.unread(first);
        }
        return pushback;
    }

    /** FastCSV's own words for what is wrong (its exception wraps the parser's), in this reader's for a known case. */
    private static String problem(CsvParseException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return message.startsWith("Unclosed quoted field") ? "quoted field is never closed" : message;
    }

    /** An error about the record read last, naming the source and the line it starts on. */
    SampleDataFormatException error(String problem) {
        return new SampleDataFormatException(source, Math.max(handler.line, 1), problem);
    }

    /** Collects the fields of one record into a reused list and remembers the line the record starts on. */
    private static final class FieldsHandler extends AbstractBaseCsvCallbackHandler<List<String>> {

        private final List<String> fields = new ArrayList<>(8);
        private long line;

        @Override
        protected void handleBegin(long startingLineNumber) {
            line = startingLineNumber;
            fields.clear();
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            fields.add(new String(buffer, offset, length));
        }

        @Override
        protected List<String> buildRecord() {
            return fields;
        }
    }
}
