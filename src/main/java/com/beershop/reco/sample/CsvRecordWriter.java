package com.beershop.reco.sample;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes CSV records with FastCSV, the way {@link CsvRecordReader} reads them back: RFC 4180, a field quoted only
 * when it holds a comma, a quote, a CR or an LF (a quote inside doubled), a null or an empty string as an empty
 * field. Each record reaches the target before {@link #write} returns, so the caller may flush or close the target
 * at any time; the target is never flushed or closed from here. Not thread-safe.
 */
public final class CsvRecordWriter {

    // FastCSV quotes a record's first field when it starts with the comment character ('#' by default); a
    // noncharacter keeps every field quoted exactly where RFC 4180 needs it
    private static final char NO_COMMENTS = '\uFFFF';

    private final CsvWriter csv;

    private CsvRecordWriter(Writer out, LineDelimiter lineEnd) {
        csv = CsvWriter.builder().lineDelimiter(lineEnd).commentCharacter(NO_COMMENTS).build(new Unowned(out));
    }

    /** Records ending with LF, as the sample-data files. */
    public static CsvRecordWriter lf(Writer out) {
        return new CsvRecordWriter(out, LineDelimiter.LF);
    }

    /** Records ending with CRLF, as RFC 4180 and spreadsheets have them. */
    public static CsvRecordWriter crlf(Writer out) {
        return new CsvRecordWriter(out, LineDelimiter.CRLF);
    }

    /** Writes one record and empties FastCSV's buffer into the target. */
    public void write(String... fields) throws IOException {
        try {
            csv.writeRecord(fields);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    /** The caller's writer, which FastCSV may write to but not flush or close. */
    private static final class Unowned extends FilterWriter {

        Unowned(Writer out) {
            super(out);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
