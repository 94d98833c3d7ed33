package com.beershop.reco.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** Pins the bytes the hand-written CsvFields wrote before the writing moved onto FastCSV (issue 23). */
class CsvRecordWriterTest {

    @Test
    void shouldQuoteOnlyFieldsWithACommaAQuoteACrOrAnLf() throws IOException {
        StringWriter out = new StringWriter();

        CsvRecordWriter.lf(out).write("plain", "a,b", "say \"hi\"", "cr\rhere", "lf\nhere", " spaced ", "'=1");

        assertThat(out).hasToString("plain,\"a,b\",\"say \"\"hi\"\"\",\"cr\rhere\",\"lf\nhere\", spaced ,'=1\n");
    }

    @Test
    void shouldWriteNullAndEmptyStringAlikeAsAnEmptyField() throws IOException {
        StringWriter out = new StringWriter();

        CsvRecordWriter.lf(out).write(null, "", "x", null);

        assertThat(out).hasToString(",,x,\n");
    }

    @Test
    void shouldNotQuoteAFirstFieldStartingWithAHash() throws IOException {
        // FastCSV's default comment character would quote it; the reader takes no comments, so neither does this
        StringWriter out = new StringWriter();

        CsvRecordWriter.lf(out).write("#u1", "#p1");

        assertThat(out).hasToString("#u1,#p1\n");
    }

    @Test
    void shouldEndRecordsWithCrlfWhenAskedTo() throws IOException {
        StringWriter out = new StringWriter();
        CsvRecordWriter csv = CsvRecordWriter.crlf(out);

        csv.write("a", "b");
        csv.write("c", null);

        assertThat(out).hasToString("a,b\r\nc,\r\n");
    }

    @Test
    void shouldHandEachRecordToTheTargetWithoutFlushingOrClosingIt() throws IOException {
        StringBuilder seen = new StringBuilder();
        int[] flushesAndCloses = new int[1];
        Writer target = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                seen.append(chars, offset, length);
            }

            @Override
            public void flush() {
                flushesAndCloses[0]++;
            }

            @Override
            public void close() {
                flushesAndCloses[0]++;
            }
        };

        CsvRecordWriter.lf(target).write("a", "b");

        assertThat(seen).hasToString("a,b\n");
        assertThat(flushesAndCloses[0]).isZero();
    }
}
