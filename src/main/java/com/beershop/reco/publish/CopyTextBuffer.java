package com.beershop.reco.publish;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format, written straight into UTF-8 bytes: backslash, tab, newline and carriage
 * return are escaped with a backslash. An id of ASCII characters is copied char by char; any other is encoded
 * whole with {@link String#getBytes}, as before (an unpaired surrogate becomes '?'), and its bytes are escaped:
 * the four escaped characters are ASCII, and no byte of a multi-byte UTF-8 sequence is. Staging 2,000,000 rows
 * through a StringBuilder, its String and that String's bytes cost more job CPU than PostgreSQL spent storing them
 * (docs/performance.md).
 */
final class CopyTextBuffer {

    private byte[] bytes;
    private int length;

    CopyTextBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** Appends {@code value}, escaped. */
    CopyTextBuffer text(String value) {
        int start = length;
        ensure(value.length() * 2);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                length = start;
                return utf8(value.getBytes(StandardCharsets.UTF_8));
            }
            put((byte) c);
        }
        return this;
    }

    /** Appends a number's decimal digits. */
    CopyTextBuffer number(long value) {
        String digits = Long.toString(value);
        ensure(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            bytes[length++] = (byte) digits.charAt(i);
        }
        return this;
    }

    /** Appends a field separator or row end as is: {@code '\t'}, {@code '\n'}. */
    CopyTextBuffer mark(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Appends bytes already in COPY's text format, as is. */
    CopyTextBuffer raw(byte[] text) {
        ensure(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
        return this;
    }

    /** What was appended, as a new array. */
    byte[] copyOfText() {
        return Arrays.copyOf(bytes, length);
    }

    int length() {
        return length;
    }

    byte[] bytes() {
        return bytes;
    }

    void clear() {
        length = 0;
    }

    private CopyTextBuffer utf8(byte[] encoded) {
        ensure(encoded.length * 2);
        for (byte b : encoded) {
            put(b);
        }
        return this;
    }

    /** One byte, escaped; room for two is ensured by the caller. */
    private void put(byte b) {
        switch (b) {
            case '\\' -> {
                bytes[length++] = '\\';
                bytes[length++] = '\\';
            }
            case '\t' -> {
                bytes[length++] = '\\';
                bytes[length++] = 't';
            }
            case '\n' -> {
                bytes[length++] = '\\';
                bytes[length++] = 'n';
            }
            case '\r' -> {
                bytes[length++] = '\\';
                bytes[length++] = 'r';
            }
            default -> bytes[length++] = b;
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
